/// <reference lib="dom" />

/** The stylesheet is bundled as text (esbuild `text` loader) and injected as a <style>. */
declare module "*.css" {
  const text: string;
  export default text;
}
