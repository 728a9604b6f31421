import { realWorldErrors, type HttpOptions } from '@capstone/platform/http';

// Codes whose RealWorld wording the spec fixes: "not found" and "forbidden" under the resource.
const realWorld = realWorldErrors({
  fixedAnswers: {
    article_not_found: { article: ['not found'] },
    profile_not_found: { profile: ['not found'] },
    comment_not_found: { comment: ['not found'] },
    article_forbidden: { article: ['forbidden'] },
    comment_forbidden: { comment: ['forbidden'] },
  },
});

/** What main.ts gives bootstrapService, and the tests give createTestApp: one definition for both. */
export const httpOptions: HttpOptions = {
  api: {
    title: 'Capstone blog-service',
    description:
      'The RealWorld (Conduit) articles, comments, profiles and tags, and a native API with search and media.',
    version: '1',
  },
  // The RealWorld paths answer in that API's own error format; /api/blog/v1 in problem details.
  errorMappers: { '/api/articles': realWorld, '/api/profiles': realWorld, '/api/tags': realWorld },
};
