/**
 * The Footprints settings screen (wp-admin → Footprints): events, system
 * events and the backend connection, on the REST API.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { Spinner, TabPanel } from '@wordpress/components';
import domReady from '@wordpress/dom-ready';
import { createRoot, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { restPath } from '../shared/rest';
import { errorMessage } from './api';
import CollectorTab from './collector-tab';
import ConnectionTab, { type ConnectionSettings } from './connection-tab';
import DefinitionsList from './definitions-list';
import DefinitionsTab from './definitions-tab';
import { Notices, useNotify } from './notices';
import './index.scss';

const TABS = [
	{ name: 'events', title: __( 'Events', 'footprints' ) },
	{ name: 'system', title: __( 'System events', 'footprints' ) },
	{ name: 'connection', title: __( 'Connection', 'footprints' ) },
	{ name: 'collector', title: __( 'Collector', 'footprints' ) },
];

function App() {
	const notify = useNotify();
	const [ connection, setConnection ] = useState< ConnectionSettings | null >(
		null
	);

	useEffect( () => {
		apiFetch< ConnectionSettings >( {
			path: restPath( 'connection' ),
		} ).then( setConnection, ( error ) =>
			notify.error( errorMessage( error ) )
		);
		// Once, on load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	if ( ! connection ) {
		return <Spinner />;
	}
	const isRemote = connection.mode === 'remote';
	return (
		<>
			<Notices />
			<TabPanel className="footprints-tabs" tabs={ TABS }>
				{ ( tab ) => {
					switch ( tab.name ) {
						case 'system':
							return (
								<>
									<p>
										{ __(
											'Built-in events that Footprints and its integrations send. You can switch each one on or off; they cannot be changed or deleted, and their codes are reserved.',
											'footprints'
										) }
									</p>
									<DefinitionsList
										system
										editable={ ! isRemote }
										reloadKey={ 0 }
									/>
								</>
							);
						case 'collector':
							return <CollectorTab />;
						case 'connection':
							return (
								<ConnectionTab
									connection={ connection }
									onSaved={ setConnection }
								/>
							);
						default:
							return <DefinitionsTab isRemote={ isRemote } />;
					}
				} }
			</TabPanel>
		</>
	);
}

domReady( () => {
	const root = document.getElementById( 'footprints-admin' );
	if ( root ) {
		createRoot( root ).render( <App /> );
	}
} );
