import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the API's committed SDL. Run `pnpm --filter @lms/web codegen`
// after changing an operation in app/graphql/*.graphql or after the API's SDL changes.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['app/graphql/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'app/graphql/generated/': {
      preset: 'client',
      // persisted-documents.json (id → text) is the API's allow-list of trusted documents; the
      // web app sends the id (documents carry it in __meta__.hash).
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: 'sha256' },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
