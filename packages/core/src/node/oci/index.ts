export { scanImageFolder, type ImageBlobKind, type ImageFinding, type ImageScan } from "./scan.js";
