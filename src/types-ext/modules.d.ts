// Packages that ship no type declarations.
declare module 'conventional-changelog-conventionalcommits' {
  export default function createPreset(config?: Record<string, unknown>): { parser: Record<string, unknown> };
}
declare const __MCFLOW_VERSION__: string;
/** The version of @commitlint/config-conventional bundled (scripts/build.mjs). */
declare const __COMMITLINT_CONVENTIONAL_VERSION__: string;
/** A hash of the built bundles' content (scripts/build.mjs): names the compiled-code cache of the build. */
declare const __MCFLOW_BUILD__: string;
