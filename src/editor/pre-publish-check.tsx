/**
 * Lists, before publishing, every tracked block of the post whose event
 * will not be tracked (unknown, deleted or disabled), so a misconfigured
 * trigger is never published silently.
 */

/**
 * WordPress dependencies
 */
import { store as blockEditorStore } from '@wordpress/block-editor';
import { useSelect } from '@wordpress/data';
import { PluginPrePublishPanel } from '@wordpress/editor';
import { __ } from '@wordpress/i18n';
import { registerPlugin } from '@wordpress/plugins';

/**
 * Internal dependencies
 */
import { trackingProblem } from './event-status';
import { store } from './store';
import { TRACKING_ATTRIBUTE } from './tracking-panel';

// The block editor's selectors this check reads (the package ships no types).
interface BlockEditorSelectors {
	getClientIdsWithDescendants: () => string[];
	getBlockName: ( clientId: string ) => string | null;
	getBlockAttributes: ( clientId: string ) => Record< string, any > | null;
}

interface Tracked {
	clientId: string;
	blockTitle: string;
	code: string;
}

function trackedCode( name: string, attributes: Record< string, any > ) {
	if ( name === 'footprints/track' || name === 'footprints/milestone' ) {
		return attributes.event as string;
	}
	return attributes[ TRACKING_ATTRIBUTE ]?.event as string | undefined;
}

function PrePublishCheck() {
	const problems = useSelect( ( select ) => {
		const editor = select(
			blockEditorStore
		) as unknown as BlockEditorSelectors;
		const definitions = select( store );
		const found: Array< Tracked & { problem: string } > = [];
		for ( const clientId of editor.getClientIdsWithDescendants() ) {
			const name = editor.getBlockName( clientId ) as string;
			const code = trackedCode(
				name,
				editor.getBlockAttributes( clientId ) ?? {}
			);
			if ( code === undefined ) {
				continue;
			}
			const problem = trackingProblem(
				code,
				code ? definitions.getDefinition( code ) : undefined
			);
			if ( problem ) {
				found.push( { clientId, blockTitle: name, code, problem } );
			}
		}
		return found;
	}, [] );

	if ( ! problems.length ) {
		return null;
	}
	return (
		<PluginPrePublishPanel
			title={ __( 'Event tracking', 'footprints' ) }
			initialOpen
		>
			<p>
				{ __(
					'These blocks will not send their event:',
					'footprints'
				) }
			</p>
			<ul>
				{ problems.map( ( { clientId, problem } ) => (
					<li key={ clientId }>{ problem }</li>
				) ) }
			</ul>
		</PluginPrePublishPanel>
	);
}

registerPlugin( 'footprints-pre-publish-check', { render: PrePublishCheck } );
