/**
 * A button that copies a text and says so: its label reads "Copied" for a
 * few seconds, and a status line tells screen readers. The lead brief,
 * the nurture draft and a webhook's signing secret use it.
 */

/**
 * WordPress dependencies
 */
import { Button, VisuallyHidden } from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/** How long "Copied" shows after a copy, in ms. */
const COPIED_MS = 4000;

/**
 * The copy button.
 *
 * @param props       Props.
 * @param props.text  What it copies.
 * @param props.label Its label.
 */
export default function CopyButton( {
	text,
	label,
}: {
	text: string;
	label: string;
} ) {
	const [ copied, setCopied ] = useState( false );
	const ref = useCopyToClipboard< HTMLButtonElement >( text, () =>
		setCopied( true )
	);
	useEffect( () => {
		if ( ! copied ) {
			return undefined;
		}
		const timer = window.setTimeout( () => setCopied( false ), COPIED_MS );
		return () => window.clearTimeout( timer );
	}, [ copied ] );
	return (
		<>
			<Button __next40pxDefaultSize variant="secondary" ref={ ref }>
				{ copied ? __( 'Copied', 'footprints' ) : label }
			</Button>
			<VisuallyHidden as="span" role="status">
				{ copied ? __( 'Copied', 'footprints' ) : '' }
			</VisuallyHidden>
		</>
	);
}
