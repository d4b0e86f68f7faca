// Stylesheets are bundled by @wordpress/scripts; TypeScript only needs to know they exist.
declare module '*.scss';
