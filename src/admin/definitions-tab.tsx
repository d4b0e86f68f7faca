/**
 * The Events tab: the list, "Add event", the starter sets, and the form.
 */

/**
 * WordPress dependencies
 */
import { Button, Flex, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { Definition } from '../shared/definition';
import { createDefinition, errorMessage } from './api';
import DefinitionForm from './definition-form';
import DefinitionsList from './definitions-list';
import { useNotify } from './notices';
import { STARTER_SETS, type StarterSet } from './starter-sets';

interface Props {
	isRemote: boolean;
}

type Editing = { definition?: Definition } | null;

export default function DefinitionsTab( { isRemote }: Props ) {
	const notify = useNotify();
	const [ editing, setEditing ] = useState< Editing >( null );
	const [ reloadKey, setReloadKey ] = useState( 0 );
	const [ addingSet, setAddingSet ] = useState< string | null >( null );
	const reload = () => setReloadKey( ( key ) => key + 1 );

	const addStarterSet = async ( set: StarterSet ) => {
		setAddingSet( set.id );
		let added = 0;
		const failures: string[] = [];
		for ( const definition of set.definitions ) {
			try {
				await createDefinition( definition );
				added++;
			} catch ( error ) {
				failures.push( errorMessage( error ) );
			}
		}
		setAddingSet( null );
		reload();
		const summary = sprintf(
			/* translators: 1: number of events added, 2: starter set name. */
			_n(
				'Added %1$d event from the %2$s starter set.',
				'Added %1$d events from the %2$s starter set.',
				added,
				'footprints'
			),
			added,
			set.label
		);
		if ( failures.length ) {
			notify.error( [ summary, ...failures ].join( ' ' ) );
		} else {
			notify.success( summary );
		}
	};

	return (
		<Flex direction="column" gap={ 4 }>
			{ isRemote ? (
				<Notice
					className="footprints-remote-notice"
					status="info"
					isDismissible={ false }
				>
					{ __(
						'These events come from the remote backend and are read-only here: change them on the backend, then Sync (Connection tab).',
						'footprints'
					) }
				</Notice>
			) : (
				<Flex justify="flex-start" wrap>
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ () => setEditing( {} ) }
					>
						{ __( 'Add event', 'footprints' ) }
					</Button>
					{ STARTER_SETS.map( ( set ) => (
						<Button
							__next40pxDefaultSize
							key={ set.id }
							variant="secondary"
							isBusy={ addingSet === set.id }
							disabled={ addingSet !== null }
							onClick={ () => addStarterSet( set ) }
						>
							{ sprintf(
								/* translators: %s: starter set name, e.g. B2B SaaS. */
								__( 'Add %s starter set', 'footprints' ),
								set.label
							) }
						</Button>
					) ) }
				</Flex>
			) }
			<DefinitionsList
				system={ false }
				editable={ ! isRemote }
				reloadKey={ reloadKey }
				onEdit={ ( definition ) => setEditing( { definition } ) }
			/>
			{ editing && (
				<DefinitionForm
					definition={ editing.definition }
					onClose={ () => setEditing( null ) }
					onSaved={ ( saved, created ) => {
						setEditing( null );
						reload();
						const message = created
							? /* translators: %s: event name. */
								__( '“%s” was created.', 'footprints' )
							: /* translators: %s: event name. */
								__( '“%s” was saved.', 'footprints' );
						notify.success( sprintf( message, saved.name ) );
					} }
				/>
			) }
		</Flex>
	);
}
