/**
 * Footprints → Insights: one page, many views, each with its own URL
 * (url.ts). The tabs are links, so every tab can be opened, shared and
 * gone back to like any page.
 */

/**
 * WordPress dependencies
 */
import domReady from '@wordpress/dom-ready';
import { createRoot, useEffect } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { useViewName } from './url';
import ViewLink from './view-link';
import { findView, VIEWS } from './views';
import './index.scss';

// WordPress' own title of the page, e.g. "Footprints Insights ‹ Site — WordPress".
const PAGE_TITLE = document.title;

function App() {
	const current = findView( useViewName() );
	const View = current.component;
	const tabs = VIEWS.filter(
		( view ) => view.tab !== false || view.name === current.name
	);

	useEffect( () => {
		// The view's title leads, so history and browser tabs tell views apart.
		document.title = `${ current.title } ‹ ${ PAGE_TITLE }`;
	}, [ current.title ] );

	return (
		<>
			<nav
				className="nav-tab-wrapper footprints-insights-tabs"
				aria-label={ __( 'Insights views', 'footprints' ) }
			>
				{ tabs.map( ( view ) => (
					<ViewLink
						key={ view.name }
						view={ view.name }
						className={
							view.name === current.name
								? 'nav-tab nav-tab-active'
								: 'nav-tab'
						}
						aria-current={
							view.name === current.name ? 'page' : undefined
						}
					>
						{ view.title }
					</ViewLink>
				) ) }
			</nav>
			<div className="footprints-insights-view">
				<View key={ current.name } />
			</div>
		</>
	);
}

domReady( () => {
	const root = document.getElementById( 'footprints-insights' );
	if ( root ) {
		createRoot( root ).render( <App /> );
	}
} );
