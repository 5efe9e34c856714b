import pg from 'pg';

export interface ChannelListenerOptions {
  databaseUrl: string;
  /** The NOTIFY channel (a plain identifier). */
  channel: string;
  /** Shown in pg_stat_activity (tests find the listener's backend by it). */
  applicationName?: string;
  /** A notification's payload, in commit order. */
  onNotification(payload: string): void;
  /** LISTEN is in effect (first time and after every reconnection). */
  onListening(): void;
  /** The connection is lost (or could not be made): notifications may be missed from now on. */
  onLost(error: unknown): void;
  /** Delay before connecting again after a loss. Default 1 s. */
  retryMs?: number;
  /**
   * A `SELECT 1` on the listening connection this often: a connection that died silently (a
   * half-open TCP link) is noticed within this time. Default 10 s.
   */
  heartbeatMs?: number;
}

export interface ChannelListener {
  /** True while LISTEN is in effect on a live connection. */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * LISTEN on one dedicated connection (outside the pool: a pooled connection would be reused
 * by queries and could drop the LISTEN). On any loss it reports `onLost`, then reconnects and
 * LISTENs again until closed; `onListening` says when it is back.
 */
export function listenToChannel(options: ChannelListenerOptions): ChannelListener {
  if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) {
    throw new Error(`Channel name "${options.channel}" must be a plain lower-case identifier.`);
  }
  const retryMs = options.retryMs ?? 1_000;
  const heartbeatMs = options.heartbeatMs ?? 10_000;
  let client: pg.Client | null = null;
  let listening = false;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lose = (current: pg.Client, error: unknown) => {
    if (client !== current) return;
    client = null;
    listening = false;
    clearInterval(heartbeat);
    current.removeAllListeners('notification');
    current.on('error', () => {});
    current.end().catch(() => {});
    if (closed) return;
    options.onLost(error);
    retryTimer = setTimeout(connect, retryMs);
    retryTimer.unref();
  };

  async function connect() {
    if (closed) return;
    const current = new pg.Client({
      connectionString: options.databaseUrl,
      application_name: options.applicationName ?? 'lms-listener',
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      // The heartbeat fails (and the loss is reported) when the server stops answering.
      query_timeout: heartbeatMs,
    });
    client = current;
    current.on('error', (error) => lose(current, error));
    current.on('end', () => lose(current, new Error('listening connection ended')));
    current.on('notification', (message) => {
      if (client === current && message.channel === options.channel) {
        options.onNotification(message.payload ?? '');
      }
    });
    try {
      await current.connect();
      await current.query(`LISTEN ${options.channel}`);
    } catch (error) {
      lose(current, error);
      return;
    }
    if (client !== current || closed) return;
    listening = true;
    heartbeat = setInterval(() => {
      current.query('SELECT 1').catch((error: unknown) => lose(current, error));
    }, heartbeatMs);
    heartbeat.unref();
    options.onListening();
  }

  void connect();
  return {
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      const current = client;
      client = null;
      listening = false;
      if (current) await current.end().catch(() => {});
    },
  };
}
