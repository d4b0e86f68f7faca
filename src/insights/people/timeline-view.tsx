/**
 * A lead's timeline: every event of a person (all their devices) or of
 * one device, oldest first, in the events' names and colors, with their
 * attributes and page; a gap of more than 30 minutes starts a new session
 * (the server cuts them). URL: view=person&person=<id> or &device=<id>.
 */

/**
 * WordPress dependencies
 */
import { Button, Notice, Spinner } from '@wordpress/components';
import { Fragment, useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from '../../admin/api';
import ExportButton from '../export-button';
import { useUrlParams } from '../url';
import ViewLink from '../view-link';
import { fetchPerson, fetchTimeline, TIMELINE_PER_PAGE } from './api';
import BriefPanel from './brief-panel';
import DraftPanel from './draft-panel';
import { gapText, pairsText, siteClock, siteTime } from './format';
import { personLabel } from './people-view';
import type { PersonDetail, Timeline, TimelineEvent } from './types';

/**
 * Who the timeline is of: the person's header, or the device's.
 *
 * @param props          Props.
 * @param props.person   The person, when the timeline is a person's.
 * @param props.device   The device, when it is a device's.
 * @param props.timeline The timeline (for the device's person).
 */
function Whose( {
	person,
	device,
	timeline,
}: {
	person: PersonDetail | null;
	device: string;
	timeline: Timeline;
} ) {
	if ( ! person ) {
		return (
			<div className="footprints-timeline__whose">
				<h2>
					{ sprintf(
						/* translators: %s: device id. */
						__( 'Device %s', 'footprints' ),
						device
					) }
				</h2>
				{ timeline.person !== null && (
					<ViewLink
						view="person"
						params={ { person: timeline.person } }
					>
						{ __(
							'Timeline of the person this device belongs to',
							'footprints'
						) }
					</ViewLink>
				) }
			</div>
		);
	}
	return (
		<div className="footprints-timeline__whose">
			<h2>{ personLabel( person ) }</h2>
			<dl className="footprints-timeline__facts">
				<dt>{ __( 'Email', 'footprints' ) }</dt>
				<dd>{ person.email ?? '—' }</dd>
				<dt>{ __( 'User ID', 'footprints' ) }</dt>
				<dd>
					{ person.ids
						.filter( ( id ) => id.kind === 'user' )
						.map( ( id ) => id.value )
						.join( ', ' ) || '—' }
				</dd>
				{ person.wp_user_id !== null && (
					<>
						<dt>{ __( 'WordPress user', 'footprints' ) }</dt>
						<dd>
							<a
								href={ `user-edit.php?user_id=${ person.wp_user_id }` }
							>
								#{ person.wp_user_id }
							</a>
						</dd>
					</>
				) }
				<dt>{ __( 'First seen', 'footprints' ) }</dt>
				<dd>{ siteTime( person.first_seen ) }</dd>
				<dt>{ __( 'Last seen', 'footprints' ) }</dt>
				<dd>{ siteTime( person.last_seen ) }</dd>
				<dt>{ __( 'Traits', 'footprints' ) }</dt>
				<dd>{ pairsText( person.traits ) || '—' }</dd>
				<dt>{ __( 'Devices', 'footprints' ) }</dt>
				<dd>
					<ul className="footprints-timeline__devices">
						{ person.device_details.map( ( one ) => (
							<li key={ one.device_id }>
								<ViewLink
									view="person"
									params={ { device: one.device_id } }
								>
									<code>{ one.device_id }</code>
								</ViewLink>{ ' ' }
								{ sprintf(
									/* translators: %d: number of events. */
									_n(
										'%d event',
										'%d events',
										one.events,
										'footprints'
									),
									one.events
								) }
							</li>
						) ) }
					</ul>
				</dd>
			</dl>
		</div>
	);
}

/**
 * One event: its color and name, time, attributes and page.
 *
 * @param props       Props.
 * @param props.event The event.
 * @param props.many  Whether the timeline has several devices (then each event names its own).
 */
function EventRow( { event, many }: { event: TimelineEvent; many: boolean } ) {
	const attributes = pairsText( event.attributes );
	return (
		<li
			className="footprints-timeline__event"
			style={ { borderLeftColor: event.color } }
		>
			<time dateTime={ event.time }>{ siteClock( event.time ) }</time>
			<span
				className="footprints-timeline__dot"
				style={ { backgroundColor: event.color } }
				aria-hidden
			/>
			<strong className="footprints-timeline__name">
				{ event.name }
			</strong>
			<code className="footprints-timeline__code">{ event.code }</code>
			{ attributes && (
				<span className="footprints-timeline__attributes">
					{ attributes }
				</span>
			) }
			{ event.page && (
				<a
					className="footprints-timeline__page"
					href={ event.page }
					target="_blank"
					rel="noreferrer"
				>
					{ event.page }
				</a>
			) }
			{ many && (
				<code className="footprints-timeline__device">
					{ event.device_id }
				</code>
			) }
		</li>
	);
}

export default function TimelineView() {
	const [ params, setParams ] = useUrlParams();
	const personId = params.person ?? '';
	const device = params.device ?? '';
	const page = Math.max( 1, Number( params.paged ?? 1 ) || 1 );
	const [ timeline, setTimeline ] = useState< Timeline | null >( null );
	const [ person, setPerson ] = useState< PersonDetail | null >( null );
	const [ error, setError ] = useState( '' );

	useEffect( () => {
		let current = true;
		setTimeline( null );
		setError( '' );
		if ( ! personId && ! device ) {
			setError(
				__(
					'Open a timeline from the People list: it needs a person or a device.',
					'footprints'
				)
			);
			return;
		}
		Promise.all( [
			fetchTimeline( personId ? { person: personId } : { device }, page ),
			personId ? fetchPerson( personId ) : Promise.resolve( null ),
		] )
			.then( ( [ nextTimeline, nextPerson ] ) => {
				if ( current ) {
					setTimeline( nextTimeline );
					setPerson( nextPerson );
				}
			} )
			.catch(
				( failure ) => current && setError( errorMessage( failure ) )
			);
		return () => {
			current = false;
		};
	}, [ personId, device, page ] );

	if ( error ) {
		return (
			<Notice status="error" isDismissible={ false }>
				{ error }
			</Notice>
		);
	}
	if ( ! timeline ) {
		return <Spinner />;
	}
	const pages = Math.max(
		1,
		Math.ceil( timeline.total / TIMELINE_PER_PAGE )
	);
	const many = timeline.devices.length > 1;
	return (
		<div className="footprints-timeline">
			<p>
				<ViewLink view="people">
					{ __( '← People', 'footprints' ) }
				</ViewLink>
			</p>
			<Whose person={ person } device={ device } timeline={ timeline } />
			<div className="footprints-timeline__summary">
				<span>
					{ [
						sprintf(
							/* translators: %d: number of events. */
							_n(
								'%d event',
								'%d events',
								timeline.total,
								'footprints'
							),
							timeline.total
						),
						sprintf(
							/* translators: %d: number of sessions. */
							_n(
								'%d session on this page',
								'%d sessions on this page',
								timeline.sessions.length,
								'footprints'
							),
							timeline.sessions.length
						),
						sprintf(
							/* translators: %d: minutes. */
							__(
								'a gap of more than %d minutes starts a new session',
								'footprints'
							),
							timeline.gap_seconds / 60
						),
					].join( ' · ' ) }
				</span>
				<ExportButton
					view="timeline"
					params={ personId ? { person: personId } : { device } }
				/>
			</div>
			<BriefPanel of={ personId ? { person: personId } : { device } } />
			<DraftPanel personId={ personId } device={ device } />
			{ timeline.events.length === 0 && (
				<p>
					{ __(
						'No events stored for this timeline.',
						'footprints'
					) }
				</p>
			) }
			{ timeline.sessions.map( ( session ) => {
				const events = timeline.events.filter(
					( event ) => event.session === session.index
				);
				const gap = events[ 0 ]?.gap_seconds;
				return (
					<Fragment key={ session.index }>
						{ gap !== null &&
							gap !== undefined &&
							! session.continued && (
								<p className="footprints-timeline__gap">
									{ gapText( gap ) }
								</p>
							) }
						<section
							className="footprints-timeline__session"
							aria-label={ sprintf(
								/* translators: %s: when the session started. */
								__( 'Session from %s', 'footprints' ),
								siteTime( session.start )
							) }
						>
							<h3>
								{ session.continued
									? __(
											'Session (continued from the page before)',
											'footprints'
										)
									: siteTime( session.start ) }
								{ ' · ' }
								{ sprintf(
									/* translators: %d: number of events. */
									_n(
										'%d event',
										'%d events',
										session.events,
										'footprints'
									),
									session.events
								) }
							</h3>
							<ol className="footprints-timeline__events">
								{ events.map( ( event ) => (
									<EventRow
										key={ event.id }
										event={ event }
										many={ many }
									/>
								) ) }
							</ol>
						</section>
					</Fragment>
				);
			} ) }
			{ pages > 1 && (
				<div className="footprints-timeline__pages">
					<Button
						variant="secondary"
						disabled={ page <= 1 }
						onClick={ () => setParams( { paged: page - 1 } ) }
					>
						{ __( 'Earlier events', 'footprints' ) }
					</Button>
					<span>
						{ sprintf(
							/* translators: 1: page, 2: pages. */
							__( 'Page %1$d of %2$d', 'footprints' ),
							page,
							pages
						) }
					</span>
					<Button
						variant="secondary"
						disabled={ page >= pages }
						onClick={ () => setParams( { paged: page + 1 } ) }
					>
						{ __( 'Later events', 'footprints' ) }
					</Button>
				</div>
			) }
		</div>
	);
}
