// Entry point for 'azd provision': one resource group with the function app and everything it connects to.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Audience the incident webhook caller tokens must carry.')
param webhookAudience string = 'api://aisoc-webhook'

@description('Comma-separated client ids allowed to call the incident webhook; empty rejects every caller.')
param webhookAllowedClientIds string = ''

@description('Audience approver tokens must carry: the approval app registration\'s application id URI or client id.')
param approvalAudience string = 'api://aisoc-approvals'

// A new secret on every deployment only invalidates approval pages that are open at that moment, because
// anti-forgery tokens live for minutes. NOTE: the value is readable by anyone who can read the app settings.
@secure()
@description('Secret that signs the approval page anti-forgery tokens; generated when not set.')
param approvalAntiForgeryKey string = newGuid()

var abbreviations = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbreviations.webSitesFunctions}aisoc-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var allowedClientIds = filter(map(split(webhookAllowedClientIds, ','), id => trim(id)), id => !empty(id))

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbreviations.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: '${abbreviations.managedIdentityUserAssignedIdentities}aisoc-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'core/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbreviations.operationalInsightsWorkspaces}aisoc-${resourceToken}'
    applicationInsightsName: '${abbreviations.insightsComponents}aisoc-${resourceToken}'
    location: location
    tags: tags
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'core/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: '${abbreviations.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
    dataPrincipalId: identity.outputs.principalId
  }
}

module eventHubs 'core/eventhubs.bicep' = {
  name: 'eventhubs'
  scope: resourceGroup
  params: {
    namespaceName: '${abbreviations.eventHubNamespaces}aisoc-${resourceToken}'
    eventHubName: 'aisoc-alerts'
    consumerGroupName: 'aisoc-functions'
    location: location
    tags: tags
    receiverPrincipalId: identity.outputs.principalId
  }
}

module functions 'app/functions.bicep' = {
  name: 'functions'
  scope: resourceGroup
  params: {
    planName: '${abbreviations.webServerFarms}aisoc-${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    eventHubsFullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
    eventHubName: eventHubs.outputs.eventHubName
    eventHubConsumerGroup: eventHubs.outputs.consumerGroupName
    webhookTenantId: tenant().tenantId
    webhookAudience: webhookAudience
    webhookAllowedClientIds: allowedClientIds
    approvalAudience: approvalAudience
    approvalAntiForgeryKey: approvalAntiForgeryKey
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functions.outputs.defaultHostName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTHUB_NAMESPACE string = eventHubs.outputs.namespaceName
output AZURE_EVENTHUB_NAME string = eventHubs.outputs.eventHubName
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
