/**
 * The block editor package ships no type declarations; these cover what the
 * plugin uses, so the strict type check still sees real types.
 * @param props
 */
declare module '@wordpress/block-editor' {
	import type { ComponentType, ReactNode, HTMLAttributes } from 'react';

	/** The block editor's data store (selectors typed where they are read). */
	export const store: import( '@wordpress/data' ).StoreDescriptor;

	export const InnerBlocks: ComponentType< {
		allowedBlocks?: string[];
		template?: unknown[];
		templateLock?: false | 'all' | 'insert' | 'contentOnly';
		renderAppender?: ComponentType | false;
	} > & { Content: ComponentType };

	export const InspectorControls: ComponentType< {
		children?: ReactNode;
		group?: 'default' | 'advanced' | 'settings' | 'styles';
	} >;

	export function useBlockProps(
		props?: HTMLAttributes< HTMLElement > & Record< string, unknown >
	): HTMLAttributes< HTMLElement > & Record< string, unknown >;
	export namespace useBlockProps {
		function save(
			props?: Record< string, unknown >
		): Record< string, unknown >;
	}
}
