import { z } from 'zod';

/**
 * Where the admin keeps the facts that are not standard CRM properties (DESIGN §2: every such source is a mapping).
 * Values are property names on the company (HubSpot) or Account (Salesforce); the defaults are the properties the app
 * creates on install.
 */
export const PropertyMappings = z
  .object({
    renewalDate: z.string().min(1).default('churn_renewal_date'),
    seatsPurchased: z.string().min(1).default('churn_seats_purchased'),
    seatsActive: z.string().min(1).default('churn_seats_active'),
    usageMetric: z.string().min(1).default('churn_usage_metric'),
    onboardingCompletedAt: z.string().min(1).default('churn_onboarding_completed_at'),
    lastTrainingAt: z.string().min(1).default('churn_last_training_at'),
  })
  .strict();
export type PropertyMappings = z.infer<typeof PropertyMappings>;

export const DEFAULT_MAPPINGS: PropertyMappings = PropertyMappings.parse({});
