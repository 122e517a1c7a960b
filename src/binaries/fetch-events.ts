// What a fetch reports while it works; the CLI renders these as a progress bar or plain lines.
import type { DemystifyError } from '../shared/index.ts';
import type { ArtifactForArch } from './binary-manifest.ts';
import type { DownloadProgress } from './download-file.ts';
import type { ExpectedHash } from './expected-hash.ts';

export type FetchEvent =
  | { kind: 'cached'; artifact: ArtifactForArch }
  | { kind: 'download-start'; artifact: ArtifactForArch; url: string }
  | { kind: 'download-progress'; artifact: ArtifactForArch; url: string; progress: DownloadProgress }
  | { kind: 'verified'; artifact: ArtifactForArch; expected: ExpectedHash }
  | { kind: 'installed'; artifact: ArtifactForArch; executables: string[] }
  | { kind: 'failed'; artifact: ArtifactForArch; error: DemystifyError };

export type FetchEventListener = (event: FetchEvent) => void;
