export {
  checkContent,
  checkDeclaredContent,
  type ContentPolicy,
  type DeclaredContent,
} from './content/content-policy';
export {
  imageTypes,
  sniffContentType,
  sniffLength,
  type ImageType,
} from './content/sniff-content-type';
export * from './object-storage';
export * from './storage-error';
export * from './storage-health-check';
export * from './storage.module';
