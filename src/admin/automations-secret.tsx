/**
 * A webhook rule's signing secret in a modal, with a copy button and how a
 * receiver verifies the signature (Standard Webhooks). Shown once right
 * after a webhook rule is created, and on demand ("Show signing secret").
 */

/**
 * WordPress dependencies
 */
import { Button, Flex, Modal, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import CopyButton from '../shared/copy-button';

interface Props {
	ruleName: string;
	secret: string;
	/** Right after creating: the owner is told to keep it now. */
	justCreated: boolean;
	onClose: () => void;
}

export default function SecretModal( {
	ruleName,
	secret,
	justCreated,
	onClose,
}: Props ) {
	return (
		<Modal
			title={ sprintf(
				/* translators: %s: rule name. */
				__( 'Signing secret of “%s”', 'footprints' ),
				ruleName
			) }
			onRequestClose={ onClose }
			size="medium"
			className="footprints-secret-modal"
		>
			<Flex direction="column" gap={ 4 }>
				{ justCreated && (
					<p>
						{ __(
							'Copy this secret into the receiving app now. Footprints signs every request to this webhook with it; you can show it again later from the rule’s actions.',
							'footprints'
						) }
					</p>
				) }
				<Flex align="flex-end">
					<TextControl
						__next40pxDefaultSize
						__nextHasNoMarginBottom
						className="footprints-secret"
						label={ __( 'Signing secret', 'footprints' ) }
						value={ secret }
						readOnly
						onChange={ () => undefined }
						onFocus={ ( event ) => event.target.select() }
					/>
					<CopyButton
						text={ secret }
						label={ __( 'Copy', 'footprints' ) }
					/>
				</Flex>
				<div className="footprints-secret-help">
					<h3>{ __( 'How to verify a request', 'footprints' ) }</h3>
					<p>
						{ __(
							'Requests follow the Standard Webhooks specification, so its libraries verify them as they are. By hand:',
							'footprints'
						) }
					</p>
					<ol>
						<li>
							{ __(
								'Read the headers webhook-id, webhook-timestamp (Unix seconds) and webhook-signature.',
								'footprints'
							) }
						</li>
						<li>
							{ __(
								'Take the key: the secret without “whsec_”, base64-decoded.',
								'footprints'
							) }
						</li>
						<li>
							{ __(
								'Compute HMAC-SHA256 with that key over id.timestamp.body (the raw body, joined by dots) and base64-encode it.',
								'footprints'
							) }
						</li>
						<li>
							{ __(
								'Accept the request when webhook-signature holds “v1,” followed by that value (compare in constant time) and the timestamp is within five minutes of now.',
								'footprints'
							) }
						</li>
					</ol>
				</div>
				<Flex justify="flex-end">
					<Button
						__next40pxDefaultSize
						variant="primary"
						onClick={ onClose }
					>
						{ __( 'Done', 'footprints' ) }
					</Button>
				</Flex>
			</Flex>
		</Modal>
	);
}
