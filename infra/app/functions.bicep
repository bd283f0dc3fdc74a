// Flex Consumption plan and the .NET 10 isolated-worker function app. Every connection uses the user-assigned
// identity: no storage keys, Event Hubs SAS keys or instrumentation keys are stored in app settings.
param planName string
param appName string
param location string
param tags object = {}

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

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

@secure()
@description('Secret of at least 32 characters that signs the approval page anti-forgery tokens.')
param approvalAntiForgeryKey string

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
      appSettings: concat([
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
        { name: 'IncidentWebhook__Authentication__TenantId', value: webhookTenantId }
        { name: 'IncidentWebhook__Authentication__Audience', value: webhookAudience }
        { name: 'Approvals__Authentication__TenantId', value: webhookTenantId }
        { name: 'Approvals__Authentication__Audience', value: approvalAudience }
        { name: 'Approvals__AntiForgeryKey', value: approvalAntiForgeryKey }
        { name: 'Operations__HealthRefreshInterval', value: '00:05:00' }
        { name: 'Tuning__Schedule', value: '0 0 6 * * 1' }
        { name: 'Tuning__OutcomesPath', value: '/mounts/outcomes' }
        { name: 'Tuning__OutputPath', value: '/mounts/tuning' }
      ], webhookClientSettings)
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
