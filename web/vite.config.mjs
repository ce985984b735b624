import { defineConfig } from 'vite';

// The desk is served by Nest from web/dist; in development `npx vite web` proxies the API to a running server.
export default defineConfig({
  root: import.meta.dirname,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: {
    proxy: Object.fromEntries(['/graphql', '/exports', '/imports'].map((p) => [p, 'http://localhost:3000'])),
  },
});
