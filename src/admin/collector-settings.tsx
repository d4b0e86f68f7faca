/**
 * The owner's collector settings: how long events are kept, and the
 * header a trusted proxy sets to the visitor's address.
 */

/**
 * WordPress dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { errorMessage } from './api';
import { useNotify } from './notices';

export interface CollectorSettings {
	footprints_retention_days: number;
	footprints_trusted_proxy_header: string;
}

export default function SettingsCard( {
	initial,
}: {
	initial: CollectorSettings;
} ) {
	const notify = useNotify();
	const [ settings, setSettings ] = useState( initial );
	const [ busy, setBusy ] = useState( false );
	const save = () => {
		setBusy( true );
		apiFetch< CollectorSettings >( {
			path: '/wp/v2/settings',
			method: 'POST',
			data: settings,
		} )
			.then(
				( saved ) => {
					setSettings( saved );
					notify.success(
						__( 'Collector settings saved.', 'footprints' )
					);
				},
				( error ) => notify.error( errorMessage( error ) )
			)
			.finally( () => setBusy( false ) );
	};
	return (
		<Card className="footprints-collector-settings">
			<CardHeader>
				<h2>{ __( 'Collector settings', 'footprints' ) }</h2>
			</CardHeader>
			<CardBody>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					type="number"
					min={ 1 }
					label={ __( 'Keep events for (days)', 'footprints' ) }
					help={ __(
						'Older events are deleted daily; daily totals are kept for good.',
						'footprints'
					) }
					value={ String( settings.footprints_retention_days ) }
					onChange={ ( value ) =>
						setSettings( {
							...settings,
							footprints_retention_days: Number( value ),
						} )
					}
				/>
				<TextControl
					__next40pxDefaultSize
					__nextHasNoMarginBottom
					label={ __(
						"Header your proxy sets to the visitor's address",
						'footprints'
					) }
					help={ __(
						"Only when a proxy or CDN you run sits in front of this site (e.g. X-Forwarded-For). Empty: the connection's own address counts, which no sender can fake.",
						'footprints'
					) }
					value={ settings.footprints_trusted_proxy_header }
					onChange={ ( value ) =>
						setSettings( {
							...settings,
							footprints_trusted_proxy_header: value,
						} )
					}
				/>
				<Button
					variant="primary"
					isBusy={ busy }
					disabled={ busy }
					onClick={ save }
				>
					{ __( 'Save collector settings', 'footprints' ) }
				</Button>
			</CardBody>
		</Card>
	);
}
