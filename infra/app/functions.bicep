// Flex Consumption plan and the .NET 10 isolated-worker function app. Every connection uses the host identity:
// no storage keys, Event Hubs SAS keys or instrumentation keys are stored in app settings, and secrets are Key
// Vault references that the host identity resolves.
param planName string
param appName string
param location string
param tags object = {}

@description('Resource id of the host identity (storage, Event Hubs, Application Insights, Key Vault, Azure OpenAI).')
param identityId string

@description('Client id of the host identity.')
param identityClientId string

@description('Resource id of the enrichment identity, which makes read-only tenant calls.')
param enrichmentIdentityId string

@description('Client id of the enrichment identity.')
param enrichmentClientId string

@description('Resource id of the containment identity, which runs response actions and write-back.')
param containmentIdentityId string

@description('Client id of the containment identity.')
param containmentClientId string

param storageAccountName string
param storageBlobEndpoint string
param storageTableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param eventHubsFullyQualifiedNamespace string
param eventHubName string
param eventHubConsumerGroup string

@description('Entra tenant that issues the incident webhook caller tokens.')
param webhookTenantId string

@description('Audience (application id URI or client id) the webhook caller tokens must carry.')
param webhookAudience string

@description('Client ids allowed to call the incident webhook, such as the forwarding Logic App identity.')
param webhookAllowedClientIds array

@description('Audience (application id URI or client id) of the approval app registration that approver tokens must carry.')
param approvalAudience string

@description('Name of the Key Vault that holds the app secrets.')
param keyVaultName string

@description('Name of the Key Vault secret with the approval page anti-forgery key.')
param approvalAntiForgeryKeySecretName string

@description('Name of the Key Vault secret with the Teams workflow URL; the operator sets it after provisioning.')
param teamsWorkflowSecretName string = 'teams-workflow-url'

@description('Resource id of the Sentinel workspace, or empty when Sentinel write-back is not used.')
param sentinelWorkspaceResourceId string = ''

@description('When true, investigations record the actions they would take and change nothing in the tenant.')
param dryRun bool = true

@description('Azure OpenAI endpoint for the narratives, or empty to write narratives from templates.')
param openAIEndpoint string = ''

@description('Azure OpenAI deployment name; used only with openAIEndpoint.')
param openAIDeploymentName string = ''

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([2048, 4096])
param instanceMemoryMB int = 2048

var identitySettings = {
  credential: 'managedidentity'
  clientId: identityClientId
}

var webhookClientSettings = [for (clientId, index) in webhookAllowedClientIds: {
  name: 'IncidentWebhook__Authentication__AllowedApplicationIds__${index}'
  value: clientId
}]

// Key Vault references resolve with keyVaultReferenceIdentity (the host identity). A reference to a secret that
// does not exist yet leaves the setting's value as the reference text until the secret is set and the app restarts.
var approvalKeyReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${approvalAntiForgeryKeySecretName})'
var teamsWorkflowReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${teamsWorkflowSecretName})'

var narrativeSettings = empty(openAIEndpoint) ? [] : [
  { name: 'Narratives__Provider', value: 'AzureOpenAI' }
  { name: 'Narratives__Endpoint', value: openAIEndpoint }
  { name: 'Narratives__Deployment', value: openAIDeploymentName }
  { name: 'Narratives__CredentialKind', value: 'TokenCredential' }
  { name: 'Narratives__ManagedIdentityClientId', value: identityClientId }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
      '${enrichmentIdentityId}': {}
      '${containmentIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

// The settings live in their own resource because Investigations__ApprovalPageBaseUrl needs the app's host name,
// which exists only once the site does.
var hostSettings = [
  { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: identitySettings.credential }
  { name: 'AzureWebJobsStorage__clientId', value: identitySettings.clientId }
  // host.json reads the task hub name from here; the Durable Task storage provider uses AzureWebJobsStorage.
  { name: 'DurableTaskHubName', value: 'aisoc' }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
  { name: 'AlertStream__fullyQualifiedNamespace', value: eventHubsFullyQualifiedNamespace }
  { name: 'AlertStream__credential', value: identitySettings.credential }
  { name: 'AlertStream__clientId', value: identitySettings.clientId }
  { name: 'AlertStream__EventHubName', value: eventHubName }
  { name: 'AlertStream__ConsumerGroup', value: eventHubConsumerGroup }
  { name: 'Storage__TableServiceUri', value: storageTableEndpoint }
  { name: 'Storage__ManagedIdentityClientId', value: identityClientId }
  { name: 'GraphPolling__Schedule', value: '0 */5 * * * *' }
  { name: 'GraphPolling__Overlap', value: '00:05:00' }
  { name: 'GraphPolling__InitialLookback', value: '1.00:00:00' }
  { name: 'IncidentWebhook__Authentication__TenantId', value: webhookTenantId }
  { name: 'IncidentWebhook__Authentication__Audience', value: webhookAudience }
  { name: 'Approvals__Authentication__TenantId', value: webhookTenantId }
  { name: 'Approvals__Authentication__Audience', value: approvalAudience }
  { name: 'Approvals__AntiForgeryKey', value: approvalKeyReference }
  { name: 'Operations__HealthRefreshInterval', value: '00:05:00' }
  { name: 'Tuning__Schedule', value: '0 0 6 * * 1' }
  { name: 'Tuning__LookbackDays', value: '28' }
  { name: 'Integrations__Identities__EnrichmentClientId', value: enrichmentClientId }
  { name: 'Integrations__Identities__ContainmentClientId', value: containmentClientId }
  { name: 'Integrations__Sentinel__WorkspaceResourceId', value: sentinelWorkspaceResourceId }
  { name: 'Investigations__ApprovalPageBaseUrl', value: 'https://${app.properties.defaultHostName}/api/approvals/' }
  { name: 'Investigations__DryRun', value: dryRun ? 'true' : 'false' }
  { name: 'Notifications__Teams__WebhookUrl', value: teamsWorkflowReference }
]

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: toObject(concat(hostSettings, narrativeSettings, webhookClientSettings), setting => setting.name, setting => setting.value)
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
