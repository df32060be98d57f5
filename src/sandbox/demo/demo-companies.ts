/**
 * The demo portal belongs to FlowPilot, a workflow-automation SaaS vendor; its customers are B2B SaaS companies. Each
 * line: name | domain | HubSpot industry | what the company does. The seed picks and orders them.
 */
const COMPANIES = `
Ledgerline|ledgerline.io|ACCOUNTING|Accounts-payable automation for mid-market finance teams
Quotient Cloud|quotientcloud.com|COMPUTER_SOFTWARE|Configure-price-quote software for manufacturers
Brightwave Analytics|brightwave.io|INFORMATION_TECHNOLOGY_AND_SERVICES|Product analytics for subscription apps
Northbeam Freight|northbeamfreight.com|LOGISTICS_AND_SUPPLY_CHAIN|Freight visibility platform for shippers
Harbor HR|harborhr.com|HUMAN_RESOURCES|HR and onboarding suite for distributed teams
Cinder Security|cindersec.com|COMPUTER_NETWORK_SECURITY|Cloud security posture management
Tallypoint|tallypoint.com|FINANCIAL_SERVICES|Expense management and corporate cards
Meridian Health Cloud|meridianhealthcloud.com|HOSPITAL_HEALTH_CARE|Patient scheduling and intake for clinic groups
Outpost CRM|outpostcrm.com|COMPUTER_SOFTWARE|CRM for field-sales teams
Sprocket Labs|sprocketlabs.io|COMPUTER_SOFTWARE|Developer tooling for API testing
Atlas Fleetworks|atlasfleetworks.com|TRANSPORTATION_TRUCKING_RAILROAD|Fleet maintenance and telematics software
Pinnacle Learning|pinnaclelearning.com|E_LEARNING|Corporate training platform
Copperleaf Payroll|copperleafpayroll.com|HUMAN_RESOURCES|Payroll for multi-state employers
Vantage Signal|vantagesignal.io|MARKETING_AND_ADVERTISING|Intent data for B2B marketers
Keystone Legal Tech|keystonelegal.com|LEGAL_SERVICES|Contract lifecycle management for legal teams
Driftwood Data|driftwooddata.com|INFORMATION_TECHNOLOGY_AND_SERVICES|Managed data pipelines
Parcelwise|parcelwise.com|LOGISTICS_AND_SUPPLY_CHAIN|Returns management for e-commerce brands
Summit Procure|summitprocure.com|COMPUTER_SOFTWARE|Procurement and supplier onboarding
Lumen Dental Cloud|lumendentalcloud.com|MEDICAL_PRACTICE|Practice management for dental groups
Orbit Billing|orbitbilling.io|COMPUTER_SOFTWARE|Usage-based billing for SaaS companies
Fieldnote|fieldnote.app|COMPUTER_SOFTWARE|Mobile forms for field-service teams
Greystone Property Systems|greystoneps.com|REAL_ESTATE|Property management software for landlords
Beacon Compliance|beaconcompliance.com|FINANCIAL_SERVICES|Regulatory reporting for credit unions
Wavelength Support|wavelengthsupport.com|COMPUTER_SOFTWARE|Help-desk software for B2B support teams
Kiteline Travel|kitelinetravel.com|LEISURE_TRAVEL_TOURISM|Corporate travel booking and policy control
Foundry Works|foundryworks.io|INDUSTRIAL_AUTOMATION|Manufacturing execution system for job shops
Clearpath Insurance Tech|clearpathins.com|INSURANCE|Policy administration for specialty insurers
Redwood Schedules|redwoodschedules.com|COMPUTER_SOFTWARE|Shift scheduling for hospitals and retail
Mosaic Commerce|mosaiccommerce.com|INTERNET|Headless commerce platform for B2B sellers
Trellis Grants|trellisgrants.org|NONPROFIT_ORGANIZATION_MANAGEMENT|Grant management for foundations
Polaris Edge|polarisedge.io|COMPUTER_NETWORKING|Edge device management
Sable Recruit|sablerecruit.com|STAFFING_AND_RECRUITING|Applicant tracking for agencies
Halcyon Energy Software|halcyonenergy.com|RENEWABLES_ENVIRONMENT|Asset monitoring for solar operators
Cobalt Quality|cobaltquality.com|INDUSTRIAL_AUTOMATION|Quality management for medical-device makers
Inkwell Docs|inkwelldocs.com|COMPUTER_SOFTWARE|Document generation and e-signature
Junction IoT|junctioniot.com|WIRELESS|IoT connectivity management
Marigold Events|marigoldevents.com|EVENTS_SERVICES|Event registration and badge printing
Nimbus Archive|nimbusarchive.com|INFORMATION_TECHNOLOGY_AND_SERVICES|Email archiving and e-discovery
Oakridge Facilities|oakridgefacilities.com|FACILITIES_SERVICES|Work-order software for facility managers
Prism Retail Cloud|prismretail.com|RETAIL|Store operations and task management
Quarry Analytics|quarryanalytics.com|MINING_METALS|Mine planning analytics
Relay Dispatch|relaydispatch.com|TRANSPORTATION_TRUCKING_RAILROAD|Dispatch software for last-mile carriers
Sagebrush Farms Tech|sagebrushag.com|FARMING|Crop planning and farm records
Tandem Payments|tandempay.io|FINANCIAL_SERVICES|B2B payment acceptance
Umbra Identity|umbraidentity.com|COMPUTER_NETWORK_SECURITY|Identity governance for SaaS apps
Verity Research|verityresearch.com|MARKET_RESEARCH|Survey platform for market researchers
Willow Clinics Software|willowclinics.com|HOSPITAL_HEALTH_CARE|Care coordination for outpatient clinics
Yardstick OKR|yardstickokr.com|COMPUTER_SOFTWARE|Goal and OKR tracking
Zephyr Logistics Cloud|zephyrlogistics.com|LOGISTICS_AND_SUPPLY_CHAIN|Warehouse management for 3PLs
Alder Construction Cloud|aldercc.com|CONSTRUCTION|Project controls for general contractors
Basalt Pay|basaltpay.com|FINANCIAL_SERVICES|Accounts-receivable automation
Canopy School Systems|canopyschools.com|EDUCATION_MANAGEMENT|Student information system for K-12 districts
Delta Lab Systems|deltalabsystems.com|BIOTECHNOLOGY|Lab information management for biotech
Emberly Marketing|emberly.io|MARKETING_AND_ADVERTISING|Email marketing for B2B brands
Fathom Hydrographics|fathomhydro.com|ENVIRONMENTAL_SERVICES|Water-quality monitoring software
Granite Tax|granitetax.com|ACCOUNTING|Sales-tax compliance for online sellers
Helix Clinical|helixclinical.com|PHARMACEUTICALS|Clinical-trial management software
Ironclad Fleet Insurance|ironcladfleet.com|INSURANCE|Usage-based fleet insurance platform
Juniper Nonprofit Cloud|junipercloud.org|NONPROFIT_ORGANIZATION_MANAGEMENT|Donor management for nonprofits
Kestrel Aviation Software|kestrelaviation.com|AVIATION_AEROSPACE|Maintenance tracking for regional airlines
Lattice Builders|latticebuilders.com|CONSTRUCTION|Bid management for subcontractors
Monarch Hospitality|monarchhospitality.com|HOSPITALITY|Hotel operations and housekeeping software
Nova Benefits|novabenefits.com|HUMAN_RESOURCES|Benefits administration for SMBs
Obsidian Audit|obsidianaudit.com|ACCOUNTING|Audit workpaper software for CPA firms
Pathway Telehealth|pathwaytelehealth.com|HOSPITAL_HEALTH_CARE|Virtual-care platform for health systems
Quill Publishing Cloud|quillcloud.com|PUBLISHING|Editorial workflow for publishers
Rivet Maintenance|rivetmaintenance.com|MECHANICAL_OR_INDUSTRIAL_ENGINEERING|Preventive maintenance for plants
Slate Legal|slatelegal.com|LEGAL_SERVICES|Matter management for law firms
Tidewater Ports Software|tidewaterports.com|MARITIME|Terminal operating system for ports
Uplift Fitness Cloud|upliftfitness.com|HEALTH_WELLNESS_AND_FITNESS|Membership management for gym chains
Vireo Energy|vireoenergy.com|UTILITIES|Meter-data management for utilities
Westgate Mortgage Tech|westgatemortgage.com|FINANCIAL_SERVICES|Loan origination software
Xylo Music Licensing|xylolicensing.com|MUSIC|Rights and royalty management
Yellowtail Food Safety|yellowtailfoodsafety.com|FOOD_PRODUCTION|Food-safety compliance for processors
Zenith Field Service|zenithfieldservice.com|COMPUTER_SOFTWARE|Field-service management for HVAC contractors
`;

/** Where the companies have their head office: address | city | state | zip | country. */
const OFFICES = `
2200 Mission College Blvd|Santa Clara|CA|95054|United States
500 Boylston St|Boston|MA|02116|United States
1 World Trade Center|New York|NY|10007|United States
600 Congress Ave|Austin|TX|78701|United States
1201 3rd Ave|Seattle|WA|98101|United States
233 S Wacker Dr|Chicago|IL|60606|United States
1700 Lincoln St|Denver|CO|80203|United States
3340 Peachtree Rd NE|Atlanta|GA|30326|United States
100 N Tryon St|Charlotte|NC|28202|United States
2 N Central Ave|Phoenix|AZ|85004|United States
80 Pine St|New York|NY|10005|United States
101 California St|San Francisco|CA|94111|United States
1000 Louisiana St|Houston|TX|77002|United States
225 Franklin St|Boston|MA|02110|United States
50 S 6th St|Minneapolis|MN|55402|United States
1 Canada Square|London||E14 5AB|United Kingdom
Friedrichstrasse 68|Berlin||10117|Germany
Herengracht 420|Amsterdam||1017 BZ|Netherlands
100 King St W|Toronto|ON|M5X 1A9|Canada
3 Sheraton St|Dublin||D02 WK11|Ireland
`;

export interface CompanyProfile {
  name: string;
  domain: string;
  industry: string;
  description: string;
}

export interface Office {
  address: string;
  city: string;
  state: string;
  zip: string;
  country: string;
}

function lines(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split('|'));
}

export const COMPANY_PROFILES: readonly CompanyProfile[] = lines(COMPANIES).map(
  ([name = '', domain = '', industry = '', description = '']) => ({ name, domain, industry, description }),
);

export const OFFICE_LOCATIONS: readonly Office[] = lines(OFFICES).map(
  ([address = '', city = '', state = '', zip = '', country = '']) => ({ address, city, state, zip, country }),
);
