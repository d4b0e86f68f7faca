/**
 * The Collector tab: how collection stands, the events the collectors
 * refused, the purge of one code, and the collector settings.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import PurgeCard from './collector-purge';
import RejectionsCard, { type Rejection } from './collector-rejections';
import SettingsCard, { type CollectorSettings } from './collector-settings';
import StatusCard, {
	STATUS_ROUTE,
	type CollectorStatus,
} from './collector-status';
import { useNotify } from './notices';

export default function CollectorTab() {
	const notify = useNotify();
	const [ status, setStatus ] = useState< CollectorStatus | null >( null );
	const [ rows, setRows ] = useState< Rejection[] | null >( null );
	const [ settings, setSettings ] = useState< CollectorSettings | null >(
		null
	);

	useEffect( () => {
		Promise.all( [
			apiFetch< CollectorStatus >( { path: STATUS_ROUTE } ),
			apiFetch< Rejection[] >( { path: '/footprints/v1/rejections' } ),
			apiFetch< CollectorSettings >( { path: '/wp/v2/settings' } ),
		] ).then(
			( [ nextStatus, nextRows, nextSettings ] ) => {
				setStatus( nextStatus );
				setRows( nextRows );
				setSettings( nextSettings );
			},
			( error ) => notify.error( errorMessage( error ) )
		);
		// Once, on load.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [] );

	if ( ! status || ! rows || ! settings ) {
		return <Spinner />;
	}
	return (
		<div className="footprints-collector">
			<StatusCard status={ status } onChange={ setStatus } />
			<RejectionsCard rows={ rows } />
			<PurgeCard />
			<SettingsCard initial={ settings } />
		</div>
	);
}
