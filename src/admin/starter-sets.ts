/**
 * One-click starter sets of Object-Action events for common kinds of site.
 */

/**
 * WordPress dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { DefinitionInput } from '../shared/definition';

export interface StarterSet {
	id: string;
	label: string;
	definitions: DefinitionInput[];
}

export const STARTER_SETS: StarterSet[] = [
	{
		id: 'b2b_saas',
		label: __( 'B2B SaaS', 'footprints' ),
		definitions: [
			{
				code: 'signed_up',
				name: __( 'Signed Up', 'footprints' ),
				color: '#3858e9',
				description: __(
					'A visitor created an account.',
					'footprints'
				),
				attributes: { plan: 'string' },
			},
			{
				code: 'trial_started',
				name: __( 'Trial Started', 'footprints' ),
				color: '#00a32a',
				description: __(
					'A visitor started a free trial.',
					'footprints'
				),
				attributes: { plan: 'string' },
			},
			{
				code: 'invite_sent',
				name: __( 'Invite Sent', 'footprints' ),
				color: '#9b51e0',
				description: __(
					'A user invited a colleague to their account.',
					'footprints'
				),
				attributes: { invitees: 'number' },
			},
			{
				code: 'demo_requested',
				name: __( 'Demo Requested', 'footprints' ),
				color: '#dba617',
				description: __(
					'A visitor asked for a product demo: a strong buying signal.',
					'footprints'
				),
				attributes: { company_size: 'string' },
			},
			{
				code: 'pricing_viewed',
				name: __( 'Pricing Viewed', 'footprints' ),
				color: '#2271b1',
				description: __(
					'A visitor reached the pricing table.',
					'footprints'
				),
				attributes: {},
			},
			{
				code: 'subscription_upgraded',
				name: __( 'Subscription Upgraded', 'footprints' ),
				color: '#007017',
				description: __(
					'A customer moved to a higher plan.',
					'footprints'
				),
				attributes: { plan: 'string', price: 'number' },
			},
		],
	},
	{
		id: 'ecommerce',
		label: __( 'Ecommerce', 'footprints' ),
		definitions: [
			{
				code: 'product_viewed',
				name: __( 'Product Viewed', 'footprints' ),
				color: '#2271b1',
				description: __(
					'A visitor opened a product page.',
					'footprints'
				),
				attributes: { sku: 'string', price: 'number' },
			},
			{
				code: 'product_added',
				name: __( 'Product Added', 'footprints' ),
				color: '#3858e9',
				description: __(
					'A visitor added a product to the cart.',
					'footprints'
				),
				attributes: {
					sku: 'string',
					price: 'number',
					quantity: 'number',
				},
			},
			{
				code: 'cart_viewed',
				name: __( 'Cart Viewed', 'footprints' ),
				color: '#72aee6',
				description: __(
					'A visitor looked at their cart.',
					'footprints'
				),
				attributes: { value: 'number' },
			},
			{
				code: 'checkout_started',
				name: __( 'Checkout Started', 'footprints' ),
				color: '#dba617',
				description: __(
					'A visitor began checking out; if no order follows, the cart was abandoned.',
					'footprints'
				),
				attributes: { value: 'number' },
			},
			{
				code: 'order_completed',
				name: __( 'Order Completed', 'footprints' ),
				color: '#00a32a',
				description: __(
					'A customer paid for an order.',
					'footprints'
				),
				attributes: {
					order_id: 'string',
					value: 'number',
					coupon: 'string',
				},
			},
		],
	},
];
