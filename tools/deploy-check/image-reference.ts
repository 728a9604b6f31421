/** Why an image reference would not pull the same image every time, or undefined when it is pinned. */
export function unpinnedImageReason(image: string): string | undefined {
  if (image.includes('@sha256:')) {
    return undefined;
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  if (tag === '') {
    return `image "${image}" has no tag; pin a version`;
  }
  if (tag === 'latest') {
    return `image "${image}" uses the moving "latest" tag; pin a version`;
  }
  return undefined;
}
