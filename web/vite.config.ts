import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const contractSrc = (file: string) => fileURLToPath(new URL(`../contract/src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@innenhof\/contract$/, replacement: contractSrc('index.ts') },
      { find: /^@innenhof\/contract\/markdown$/, replacement: contractSrc('markdown.ts') },
    ],
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false, ws: true } },
    // The message catalogs live in ../locales, shared with the server's e-mail templates.
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
  },
});
