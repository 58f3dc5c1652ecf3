/**
 * Build of the installable app: Preact pages plus the service worker of `sw/sw.ts`, into which
 * vite-plugin-pwa injects the precache manifest (`injectManifest`). Output: `dist/` with `dist/sw.js`
 * and `dist/manifest.webmanifest`. Tests use vitest.config.ts instead, so none of this runs there.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Deep navy of the header; also the browser's title bar and the installed app's splash. */
const themeColour = '#1e3a5f';
/** The warm paper colour of the page background. */
const backgroundColour = '#f6f4ee';

export default defineConfig({
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // The page asks before a new version takes over (never mid-way through typing a receipt).
      registerType: 'prompt',
      // src/app/registerServiceWorker.ts registers it with workbox-window.
      injectRegister: false,
      manifest: {
        id: '/',
        name: 'สมุด — Samut บัญชี อปท.',
        short_name: 'สมุด',
        description: 'บันทึกบัญชีขององค์กรปกครองส่วนท้องถิ่นได้แม้ไม่มีอินเทอร์เน็ต แล้วส่งเข้าระบบกลางเมื่อเชื่อมต่อได้',
        lang: 'th',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: themeColour,
        background_color: backgroundColour,
        categories: ['finance', 'business', 'productivity'],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,woff2,png,svg,ico,webmanifest}'],
        globIgnores: ['**/node_modules/**/*', 'manifest.webmanifest'],
        // A classic (non-module) worker: registered as `new Workbox('/sw.js')`, which every Chromium
        // and Firefox the offices run accepts, with no `type: 'module'` needed.
        rollupFormat: 'iife',
      },
      // The glob below already precaches the icons; the plugin adds manifest.webmanifest itself.
      // Without these two, both would be listed twice (same revision: harmless, but untidy).
      includeManifestIcons: false,
      devOptions: { enabled: false },
    }),
  ],
  build: {
    // Officers may need to read a stack trace out over the phone; sourcemaps cost nothing offline.
    sourcemap: true,
  },
});
