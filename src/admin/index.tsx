/**
 * The Footprints settings screen (wp-admin → Footprints): events, system
 * events, the backend connection, the collector and automations, on the
 * REST API. The tab is in the URL (tab-url.ts).
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { Spinner, TabPanel } from '@wordpress/components';
import domReady from '@wordpress/dom-ready';
import {
	createRoot,
	useCallback,
	useEffect,
	useState,
} from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { restPath } from '../shared/rest';
import { navigate, useUrlState } from '../shared/url-state';
import AiTab from './ai-tab';
import { errorMessage } from './api';
import AutomationsTab from './automations-tab';
import CollectorTab from './collector-tab';
import ConnectionTab, { type ConnectionSettings } from './connection-tab';
import DefinitionsList from './definitions-list';
import DefinitionsTab from './definitions-tab';
import FormsTab from './forms-tab';
import { Notices, useNotify } from './notices';
import { currentTab, TABS, tabUrl } from './tab-url';
import './index.scss';

/**
 * The tab the URL names, a key for the panel and what to do when a tab is
 * chosen in it. The panel keeps its own selection, so it is opened anew
 * (a new key) on the URL's tab when the URL changed under it (Back,
 * Forward), and never after a choice made in it, which would take the
 * focus off the tab. A choice is a history entry, unless the URL already
 * names that tab (the panel reports its first tab as chosen on opening).
 */
function useTabFromUrl() {
	const tab = useUrlState( currentTab );
	// The tab the panel shows, and its key.
	const [ panel, setPanel ] = useState( { tab, key: 0 } );
	if ( panel.tab !== tab ) {
		// Adjusting state while rendering: React renders again at once.
		setPanel( { tab, key: panel.key + 1 } );
	}
	const onSelect = useCallback( ( name: string ) => {
		setPanel( ( shown ) => ( { ...shown, tab: name } ) );
		if ( name !== currentTab() ) {
			navigate( tabUrl( name ) );
		}
	}, [] );
	return { tab, panelKey: panel.key, onSelect };
}

function App() {
	const notify = useNotify();
	const { tab, panelKey, onSelect } = useTabFromUrl();
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
			<TabPanel
				key={ panelKey }
				className="footprints-tabs"
				tabs={ TABS }
				initialTabName={ tab }
				onSelect={ onSelect }
			>
				{ ( shown ) => {
					switch ( shown.name ) {
						case 'system':
							return (
								<>
									<p>
										{ __(
											'Built-in events that Footprints and its integrations send. Switching one off here stops it everywhere: a form, a sign-in or a privacy request no longer records it. They cannot be changed or deleted, and their codes are reserved.',
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
						case 'forms':
							return <FormsTab />;
						case 'collector':
							return <CollectorTab />;
						case 'automations':
							return <AutomationsTab isRemote={ isRemote } />;
						case 'ai':
							return <AiTab />;
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
