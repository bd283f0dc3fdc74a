// Entry point for 'azd provision': one resource group with the function app and everything it connects to.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the resource token.')
param environmentName string

@minLength(1)
@description('Azure region of every resource.')
param location string

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID); gets Key Vault Secrets Officer on the vault. Empty skips it.')
param principalId string = ''

@description('Principal type of principalId: User when a person runs azd, ServicePrincipal in a pipeline.')
@allowed(['User', 'ServicePrincipal', 'Group'])
param principalType string = 'User'

@description('Audience the incident webhook caller tokens must carry.')
param webhookAudience string = 'api://aisoc-webhook'

@description('Comma-separated client ids allowed to call the incident webhook; empty rejects every caller.')
param webhookAllowedClientIds string = ''

@description('Audience approver tokens must carry: the approval app registration\'s application id URI or client id.')
param approvalAudience string = 'api://aisoc-approvals'

// The key is stored as a Key Vault secret and the app setting only references it. A new value on every deployment
// only invalidates approval pages that are open at that moment, because anti-forgery tokens live for minutes.
@secure()
@description('Secret that signs the approval page anti-forgery tokens; generated when not set.')
param approvalAntiForgeryKey string = newGuid()

@description('Resource id of the Microsoft Sentinel (Log Analytics) workspace; empty skips the Sentinel role assignments.')
param sentinelWorkspaceResourceId string = ''

@description('When true (the default), investigations record the actions they would take and change nothing in the tenant.')
param dryRun bool = true

@description('Deploy an Azure OpenAI account and model for the investigation narratives.')
param deployOpenAI bool = false

@description('Azure OpenAI model name; used only when deployOpenAI is true.')
param openAIModelName string = 'gpt-4o-mini'

@description('Azure OpenAI model version; used only when deployOpenAI is true.')
param openAIModelVersion string = '2024-07-18'

@minValue(1)
@description('Model deployment capacity in units of 1,000 tokens a minute; used only when deployOpenAI is true.')
param openAICapacity int = 10

@description('Model deployment type; used only when deployOpenAI is true.')
@allowed(['Standard', 'GlobalStandard', 'DataZoneStandard'])
param openAIDeploymentType string = 'Standard'

var abbreviations = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbreviations.webSitesFunctions}aisoc-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'
var allowedClientIds = filter(map(split(webhookAllowedClientIds, ','), id => trim(id)), id => !empty(id))
var openAIName = '${abbreviations.cognitiveServicesAzureOpenAI}aisoc-${resourceToken}'
var openAIDeploymentName = 'narratives'

// /subscriptions/{sub}/resourceGroups/{group}/providers/Microsoft.OperationalInsights/workspaces/{name}. The
// placeholder keeps the index expressions valid when no workspace is given; the module is skipped then.
var sentinelWorkspaceSegments = split(empty(sentinelWorkspaceResourceId) ? '/subscriptions/none/resourceGroups/none/providers/Microsoft.OperationalInsights/workspaces/none' : sentinelWorkspaceResourceId, '/')

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbreviations.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module hostIdentity 'core/identity.bicep' = {
  name: 'identity-host'
  scope: resourceGroup
  params: {
    name: '${abbreviations.managedIdentityUserAssignedIdentities}aisoc-host-${resourceToken}'
    location: location
    tags: tags
  }
}

module enrichmentIdentity 'core/identity.bicep' = {
  name: 'identity-enrichment'
  scope: resourceGroup
  params: {
    name: '${abbreviations.managedIdentityUserAssignedIdentities}aisoc-enrichment-${resourceToken}'
    location: location
    tags: tags
  }
}

module containmentIdentity 'core/identity.bicep' = {
  name: 'identity-containment'
  scope: resourceGroup
  params: {
    name: '${abbreviations.managedIdentityUserAssignedIdentities}aisoc-containment-${resourceToken}'
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
    publisherPrincipalId: hostIdentity.outputs.principalId
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
    dataPrincipalId: hostIdentity.outputs.principalId
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
    receiverPrincipalId: hostIdentity.outputs.principalId
  }
}

module keyVault 'core/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: '${abbreviations.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    readerPrincipalId: hostIdentity.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
    approvalAntiForgeryKey: approvalAntiForgeryKey
  }
}

module openAI 'core/openai.bicep' = if (deployOpenAI) {
  name: 'openai'
  scope: resourceGroup
  params: {
    name: openAIName
    location: location
    tags: tags
    customSubDomainName: openAIName
    userPrincipalId: hostIdentity.outputs.principalId
    deploymentName: openAIDeploymentName
    modelName: openAIModelName
    modelVersion: openAIModelVersion
    deploymentSkuName: openAIDeploymentType
    capacity: openAICapacity
  }
}

module sentinelRoles 'core/sentinel-roles.bicep' = if (!empty(sentinelWorkspaceResourceId)) {
  name: 'sentinel-roles-${resourceToken}'
  scope: az.resourceGroup(sentinelWorkspaceSegments[2], sentinelWorkspaceSegments[4])
  params: {
    workspaceName: last(sentinelWorkspaceSegments)
    enrichmentPrincipalId: enrichmentIdentity.outputs.principalId
    containmentPrincipalId: containmentIdentity.outputs.principalId
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
    identityId: hostIdentity.outputs.id
    identityClientId: hostIdentity.outputs.clientId
    enrichmentIdentityId: enrichmentIdentity.outputs.id
    enrichmentClientId: enrichmentIdentity.outputs.clientId
    containmentIdentityId: containmentIdentity.outputs.id
    containmentClientId: containmentIdentity.outputs.clientId
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
    keyVaultName: keyVault.outputs.name
    approvalAntiForgeryKeySecretName: keyVault.outputs.approvalAntiForgeryKeySecretName
    sentinelWorkspaceResourceId: sentinelWorkspaceResourceId
    dryRun: dryRun
    openAIEndpoint: deployOpenAI ? openAI!.outputs.endpoint : ''
    openAIDeploymentName: deployOpenAI ? openAI!.outputs.deploymentName : ''
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functions.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functions.outputs.defaultHostName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = hostIdentity.outputs.clientId
output AZURE_ENRICHMENT_CLIENT_ID string = enrichmentIdentity.outputs.clientId
output AZURE_ENRICHMENT_PRINCIPAL_ID string = enrichmentIdentity.outputs.principalId
output AZURE_CONTAINMENT_CLIENT_ID string = containmentIdentity.outputs.clientId
output AZURE_CONTAINMENT_PRINCIPAL_ID string = containmentIdentity.outputs.principalId
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_EVENTHUB_NAMESPACE string = eventHubs.outputs.namespaceName
output AZURE_EVENTHUB_NAME string = eventHubs.outputs.eventHubName
output AZURE_APPLICATION_INSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_OPENAI_ENDPOINT string = deployOpenAI ? openAI!.outputs.endpoint : ''
