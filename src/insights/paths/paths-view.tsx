/**
 * The Paths view: up to three paths side by side ("of the people who did
 * A, how many did B afterwards within N days"), the range A must fall in,
 * and one path's converted or unconverted people below. Everything is in
 * the URL (paths-url.ts), so a comparison can be shared and reopened.
 */

/**
 * WordPress dependencies
 */
import { Button, TextControl } from '@wordpress/components';
import { useMemo } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import SiteFilter from '../site-filter';
import { useUrlParams } from '../url';
import PathCard from './path-card';
import PathPeople from './path-people';
import {
	EMPTY_PATH,
	MAX_PATHS,
	readOpenPeople,
	readPaths,
	writeOpenPeople,
	writePaths,
} from './paths-url';
import type { PathInput, PathRange } from './types';
import './paths.scss';

export default function PathsView() {
	const [ params, setParams ] = useUrlParams();
	// Kept while their own parameters stay, so a card fetches only when its path or the range changed.
	const { a, b, window: windows, from, to, site } = params;
	const paths = useMemo(
		() => readPaths( { a, b, window: windows } ),
		[ a, b, windows ]
	);
	const range: PathRange = useMemo(
		() => ( { from: from ?? '', to: to ?? '', site: site ?? '' } ),
		[ from, to, site ]
	);
	const open = readOpenPeople( params.people, paths.length );

	const setPaths = ( next: PathInput[], people = params.people ) =>
		setParams( { ...writePaths( next ), people } );

	return (
		<div className="footprints-paths">
			<p className="footprints-paths__intro">
				{ __(
					'Of the people who did event A, how many did event B afterwards within the window? A person’s first A in the range starts their window; B counts when it comes after it, up to the window’s last millisecond. Two devices of one identified person count once.',
					'footprints'
				) }
			</p>
			<div className="footprints-paths__range-fields">
				{ (
					[
						[ 'from', __( 'A from (UTC day)', 'footprints' ) ],
						[ 'to', __( 'A to (UTC day)', 'footprints' ) ],
					] as const
				 ).map( ( [ key, label ] ) => (
					<TextControl
						key={ key }
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="date"
						label={ label }
						value={ range[ key ] }
						onChange={ ( day ) => setParams( { [ key ]: day } ) }
					/>
				) ) }
				<SiteFilter
					value={ range.site }
					onChange={ ( app ) => setParams( { site: app } ) }
				/>
			</div>
			<div className="footprints-paths__cards">
				{ paths.map( ( path, index ) => (
					<PathCard
						key={ index }
						index={ index }
						path={ path }
						range={ range }
						openOutcome={
							open?.path === index ? open.outcome : null
						}
						onChange={ ( changed ) =>
							setPaths(
								paths.map( ( p, i ) =>
									i === index ? changed : p
								)
							)
						}
						onRemove={
							paths.length > 1
								? () =>
										setPaths(
											paths.filter(
												( _, i ) => i !== index
											),
											''
										)
								: undefined
						}
						onOpenPeople={ ( outcome ) =>
							setParams( {
								people: writeOpenPeople( {
									path: index,
									outcome,
								} ),
							} )
						}
					/>
				) ) }
				{ paths.length < MAX_PATHS && (
					<Button
						variant="secondary"
						className="footprints-paths__add"
						onClick={ () => setPaths( [ ...paths, EMPTY_PATH ] ) }
					>
						{ __( 'Add a path to compare', 'footprints' ) }
					</Button>
				) }
			</div>
			{ open && paths[ open.path ].a && paths[ open.path ].b && (
				<PathPeople
					index={ open.path }
					path={ paths[ open.path ] }
					range={ range }
					outcome={ open.outcome }
					onClose={ () => setParams( { people: '' } ) }
				/>
			) }
		</div>
	);
}
