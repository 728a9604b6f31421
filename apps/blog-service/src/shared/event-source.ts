/** The `source` of every event blog-service publishes on `blog.articles`. */
export const EVENT_SOURCE = 'blog-service';
