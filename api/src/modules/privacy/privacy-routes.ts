import { exportMyDataFile, getViewerByToken } from '@lms/core';
import type { Db } from '@lms/db';
import express from 'express';
import { bearerToken } from '../../context';
import { routeHandler, sendAttachment } from '../../http/downloads';
import type { Logger } from '../../logger';

/** GET /me/data-export.json: everything stored about the bearer's account, as a JSON download. */
export function privacyRoutes(options: { db: Db; log: Logger }) {
  const { db, log } = options;
  const router = express.Router();
  router.get(
    '/me/data-export.json',
    routeHandler(log, async (req, res) => {
      const viewer = await getViewerByToken({ db, token: bearerToken(req) });
      const file = await exportMyDataFile({ db, viewer });
      sendAttachment(res, file.fileName, 'application/json; charset=utf-8', file.json);
    }),
  );
  return router;
}
