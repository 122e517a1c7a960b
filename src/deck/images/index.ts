// Door of src/deck/images: the generators of every image in slides/binaries/.
export { createImageCatalog, YAML_MANIFESTS } from './image-catalog.ts';
export type { ImageCatalogOptions, ImageEntry, ImageKind, YamlManifest } from './image-catalog.ts';
export { renderArchitectureDiagram } from './architecture-diagram.ts';
export { ARCHITECTURE_STAGES, createDefaultLayout } from './architecture-stages.ts';
export type { ArchitectureLayout, ArchitectureStage } from './architecture-stages.ts';
export { renderYamlSvg, splitYamlLines } from './yaml-svg.ts';
export type { YamlSvgOptions } from './yaml-svg.ts';
export { tokenizeYamlLine } from './yaml-tokens.ts';
export type { YamlToken, YamlTokenKind } from './yaml-tokens.ts';
export { renderLogo, renderLogoBadge, renderNameBadge } from './logo-badge.ts';
export { renderCcBySaBadge } from './cc-badge.ts';
export { PLACEHOLDER_MARKER, renderPlaceholder } from './placeholder.ts';
export type { PlaceholderGlyph, PlaceholderOptions } from './placeholder.ts';
export { escapeCodeText, escapeXml, renderSvgDocument } from './svg-document.ts';
export { findStaleImageFiles, writeImageFiles } from './image-files.ts';
export type { ImageFileReport, ImageFileStatus, WriteImageFilesOptions } from './image-files.ts';
