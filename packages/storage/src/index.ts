export { LocalDiskStore } from './local-disk-store';
export {
  CONTENT_TYPES,
  contentTypeOfKey,
  type ObjectStore,
  type StoredObject,
} from './object-store';
export { type S3Settings, S3Store } from './s3-store';
export { sniffImage } from './sniff';
