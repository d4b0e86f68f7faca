/**
 * A link that downloads a view's table as CSV: the export route with the
 * REST nonce, so the browser's own download (streamed to disk, with a
 * progress bar) does the work instead of a fetch that holds the file.
 *
 * <ExportButton view="live-events" params={ { code, site } } />
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { Button } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { exportUrl, type ExportParams } from './export-url';

type ExportButtonProps = {
	/** The export view, as the footprints_export_views filter names it. */
	view: string;
	/** The view's parameters, as its args() take them; empty ones are left out. */
	params?: ExportParams;
	/** The button's text; "Download CSV" by default. */
	label?: string;
};

type RestSettings = {
	wpApiSettings?: { root?: string; nonce?: string };
	ajaxurl?: string;
};

type NonceMiddleware = { nonceMiddleware?: { nonce?: string } };

/**
 * The REST root and nonce of this admin page: wpApiSettings where core
 * printed it, otherwise what wp-api-fetch was set up with (its nonce
 * middleware) and the site's index.php next to wp-admin, which serves
 * ?rest_route= under any permalink setting.
 */
function restAccess(): { root: string; nonce: string } {
	const page = window as unknown as RestSettings;
	const nonce =
		page.wpApiSettings?.nonce ??
		( apiFetch as unknown as NonceMiddleware ).nonceMiddleware?.nonce ??
		'';
	const root =
		page.wpApiSettings?.root ??
		new URL(
			'../index.php?rest_route=/',
			new URL( page.ajaxurl ?? 'admin-ajax.php', window.location.href )
		).toString();
	return { root, nonce };
}

export default function ExportButton( {
	view,
	params = {},
	label,
}: ExportButtonProps ) {
	const { root, nonce } = restAccess();
	return (
		<Button
			variant="secondary"
			className="footprints-export-button"
			href={ exportUrl( root, nonce, view, params ) }
		>
			{ label ?? __( 'Download CSV', 'footprints' ) }
		</Button>
	);
}
