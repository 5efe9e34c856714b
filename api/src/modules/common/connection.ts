import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { PageInfo } from './page-info';

export interface ConnectionShape<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type (`<Name>Connection` with `<Name>Edge`) for a node type. */
export function Connection<Node extends object>(
  NodeType: ClassType<Node>,
  name: string,
  what: string,
) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${what} connection.` })
  class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => NodeType, { description: `The ${what}.` })
    node!: Node;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${what}s (Relay connection).` })
  class ConnectionType {
    @Field(() => [Edge], { description: 'The items on this page, in order.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Pagination state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Maps a core page to a connection. */
export function toConnection<Row, Node>(
  page: {
    edges: { cursor: string; node: Row }[];
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    totalCount: number;
  },
  map: (row: Row) => Node,
): ConnectionShape<Node> {
  const edges = page.edges.map((edge) => ({ cursor: edge.cursor, node: map(edge.node) }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
