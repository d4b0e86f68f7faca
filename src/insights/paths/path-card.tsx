/**
 * One path: A, B and the window picked, and its comparison: people who did
 * A, how many did B afterwards within the window, the rate and the median
 * time; the converted and unconverted people a click away.
 */

/**
 * WordPress dependencies
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
	TextControl,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import EventPicker from '../../editor/event-picker';
import { formatNumber } from '../format';
import { fetchComparison } from './api';
import EventName from './event-name';
import { formatDuration, formatRate } from './format';
import { WINDOW, windowDays } from './paths-url';
import type { Outcome, PathComparison, PathInput, PathRange } from './types';

interface Props {
	index: number;
	path: PathInput;
	range: PathRange;
	onChange: ( path: PathInput ) => void;
	onRemove?: () => void;
	onOpenPeople: ( outcome: Outcome ) => void;
	openOutcome: Outcome | null;
}

type State =
	| { status: 'idle' }
	| { status: 'loading' }
	| { status: 'done'; comparison: PathComparison }
	| { status: 'error'; message: string };

export default function PathCard( {
	index,
	path,
	range,
	onChange,
	onRemove,
	onOpenPeople,
	openOutcome,
}: Props ) {
	const [ state, setState ] = useState< State >( { status: 'idle' } );
	const ready = path.a !== '' && path.b !== '';

	useEffect( () => {
		if ( ! ready ) {
			setState( { status: 'idle' } );
			return;
		}
		let current = true;
		setState( { status: 'loading' } );
		fetchComparison( path, range ).then(
			( comparison ) =>
				current && setState( { status: 'done', comparison } ),
			( error: { message?: string } ) =>
				current &&
				setState( {
					status: 'error',
					message:
						error.message ??
						__(
							'The comparison could not be loaded.',
							'footprints'
						),
				} )
		);
		return () => {
			current = false;
		};
	}, [ ready, path, range ] );

	/* translators: %d: the path's number, 1 to 3. */
	const title = sprintf( __( 'Path %d', 'footprints' ), index + 1 );

	return (
		<Card className="footprints-paths__card" size="small">
			<CardHeader>
				<h2 className="footprints-paths__title">{ title }</h2>
				{ onRemove && (
					<Button
						variant="tertiary"
						isDestructive
						onClick={ onRemove }
					>
						{ __( 'Remove', 'footprints' ) }
					</Button>
				) }
			</CardHeader>
			<CardBody>
				<div className="footprints-paths__fields">
					<EventPicker
						label={ __( 'Event A (first)', 'footprints' ) }
						value={ path.a }
						allowDisabled
						onChange={ ( a ) => onChange( { ...path, a } ) }
					/>
					<EventPicker
						label={ __( 'Event B (afterwards)', 'footprints' ) }
						value={ path.b }
						allowDisabled
						onChange={ ( b ) => onChange( { ...path, b } ) }
					/>
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						type="number"
						label={ __( 'Within (days)', 'footprints' ) }
						min={ WINDOW.minimum }
						max={ WINDOW.maximum }
						value={ String( path.window ) }
						onChange={ ( value ) =>
							onChange( {
								...path,
								window: windowDays( value ),
							} )
						}
					/>
				</div>
				<Result
					state={ state }
					path={ path }
					onOpenPeople={ onOpenPeople }
					openOutcome={ openOutcome }
				/>
			</CardBody>
		</Card>
	);
}

interface ResultProps {
	state: State;
	path: PathInput;
	onOpenPeople: ( outcome: Outcome ) => void;
	openOutcome: Outcome | null;
}

function Result( { state, path, onOpenPeople, openOutcome }: ResultProps ) {
	if ( state.status === 'idle' ) {
		return (
			<p className="footprints-paths__hint">
				{ __( 'Pick event A and event B to compare.', 'footprints' ) }
			</p>
		);
	}
	if ( state.status === 'loading' ) {
		return <Spinner />;
	}
	if ( state.status === 'error' ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ state.message }
			</Notice>
		);
	}
	const { comparison } = state;
	const unconverted = comparison.people - comparison.converted;
	return (
		<div className="footprints-paths__result">
			<dl className="footprints-paths__figures">
				<div>
					<dt>
						{ __( 'People who did', 'footprints' ) }{ ' ' }
						<EventName code={ path.a } />
					</dt>
					<dd data-figure="people">
						{ formatNumber( comparison.people ) }
					</dd>
				</div>
				<div>
					<dt>
						{ __( 'then', 'footprints' ) }{ ' ' }
						<EventName code={ path.b } />{ ' ' }
						{ sprintf(
							/* translators: %d: days. */
							_n(
								'within %d day',
								'within %d days',
								comparison.window,
								'footprints'
							),
							comparison.window
						) }
					</dt>
					<dd data-figure="converted">
						{ formatNumber( comparison.converted ) }
					</dd>
				</div>
				<div>
					<dt>{ __( 'Conversion rate', 'footprints' ) }</dt>
					<dd data-figure="rate">
						{ formatRate( comparison.rate ) }
					</dd>
				</div>
				<div>
					<dt>{ __( 'Median time between', 'footprints' ) }</dt>
					<dd data-figure="median">
						{ formatDuration( comparison.median_seconds ) }
					</dd>
				</div>
			</dl>
			{ comparison.open > 0 && (
				<p className="footprints-paths__hint">
					{ sprintf(
						/* translators: %d: people. */
						_n(
							'%d person who has not converted yet is still within the window.',
							'%d people who have not converted yet are still within the window.',
							comparison.open,
							'footprints'
						),
						comparison.open
					) }
				</p>
			) }
			<div className="footprints-paths__people-buttons">
				<Button
					variant={
						openOutcome === 'converted' ? 'primary' : 'secondary'
					}
					disabled={ comparison.converted === 0 }
					onClick={ () => onOpenPeople( 'converted' ) }
				>
					{ sprintf(
						/* translators: %d: people. */
						_n(
							'%d converted',
							'%d converted',
							comparison.converted,
							'footprints'
						),
						comparison.converted
					) }
				</Button>
				<Button
					variant={
						openOutcome === 'unconverted' ? 'primary' : 'secondary'
					}
					disabled={ unconverted === 0 }
					onClick={ () => onOpenPeople( 'unconverted' ) }
				>
					{ sprintf(
						/* translators: %d: people. */
						_n(
							'%d not converted',
							'%d not converted',
							unconverted,
							'footprints'
						),
						unconverted
					) }
				</Button>
			</div>
			<p className="footprints-paths__range">
				{ sprintf(
					/* translators: 1: first day, 2: last day. */
					__( 'A between %1$s and %2$s (UTC days).', 'footprints' ),
					comparison.from,
					comparison.to
				) }
			</p>
		</div>
	);
}
