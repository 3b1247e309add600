// Vite's `?inline` CSS imports, used to switch the optional stylesheet on and off per story.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
