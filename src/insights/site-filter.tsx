/**
 * The site filter of the insights views: shown only on a hub (a site with
 * connected sites), since a single site has nothing to choose from.
 */

/**
 * WordPress dependencies
 */
import { SelectControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { routeWithQuery, useRest, type Site } from './api';

interface Props {
	value: string;
	onChange: ( site: string ) => void;
}

/**
 * The sites whose events are here (this one first).
 */
export function useSites(): Site[] {
	return useRest< Site[] >( routeWithQuery( 'insightsSites' ) ).data ?? [];
}

export default function SiteFilter( { value, onChange }: Props ) {
	const sites = useSites();
	if ( sites.length < 2 ) {
		return null;
	}
	return (
		<SelectControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ __( 'Site', 'footprints' ) }
			value={ value }
			options={ [
				{ value: '', label: __( 'All sites', 'footprints' ) },
				...sites.map( ( site ) => ( {
					value: site.app_id,
					label: site.name,
				} ) ),
			] }
			onChange={ onChange }
		/>
	);
}
