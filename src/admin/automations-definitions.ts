/**
 * Every definition, custom and system, for the Automations tab: a rule
 * names its event by code, and the tab shows that event's name and color
 * and offers its attributes to conditions and CRM fields.
 */

/**
 * WordPress dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { Definition } from '../shared/definition';
import { fetchDefinitions } from './api';

const PAGE_SIZE = 100;

/**
 * One kind of definitions, page after page.
 *
 * @param system System events, or custom ones.
 */
async function fetchAll( system: boolean ): Promise< Definition[] > {
	const all: Definition[] = [];
	for ( let page = 1; ; page++ ) {
		const { items, total } = await fetchDefinitions( {
			search: '',
			page,
			perPage: PAGE_SIZE,
			system,
		} );
		all.push( ...items );
		if ( ! items.length || all.length >= total ) {
			return all;
		}
	}
}

/**
 * Custom events first (what a site owner made), then the system events.
 */
export async function fetchEveryDefinition(): Promise< Definition[] > {
	const [ custom, system ] = await Promise.all( [
		fetchAll( false ),
		fetchAll( true ),
	] );
	return [ ...custom, ...system ];
}

export type DefinitionsByCode = Map< string, Definition >;

/**
 * Every definition by code; null until loaded.
 *
 * @param onError Told when they cannot be read.
 */
export function useDefinitionsByCode(
	onError: ( error: unknown ) => void
): DefinitionsByCode | null {
	const [ byCode, setByCode ] = useState< DefinitionsByCode | null >( null );
	useEffect( () => {
		fetchEveryDefinition().then(
			( definitions ) =>
				setByCode(
					new Map(
						definitions.map( ( item ) => [ item.code, item ] )
					)
				),
			( error ) => {
				// Rules still show, by their event codes.
				setByCode( new Map() );
				onError( error );
			}
		);
		// Once, on load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );
	return byCode;
}
