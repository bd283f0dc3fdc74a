// Event Hubs namespace and hub that Sentinel data export or the Defender XDR streaming API write alerts to.
// Local (SAS key) authentication is disabled; the function app reads with Azure Event Hubs Data Receiver on the hub.
param namespaceName string
param eventHubName string
param consumerGroupName string
param location string
param tags object = {}

@description('Principal id that receives events (the function app identity).')
param receiverPrincipalId string

@minValue(1)
@maxValue(32)
param partitionCount int = 4

// Built-in role: Azure Event Hubs Data Receiver.
var dataReceiver = 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'

resource namespace 'Microsoft.EventHub/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
    capacity: 1
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }

  resource hub 'eventhubs' = {
    name: eventHubName
    properties: {
      partitionCount: partitionCount
      messageRetentionInDays: 1
    }

    resource consumerGroup 'consumergroups' = {
      name: consumerGroupName
    }
  }
}

resource receiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace::hub.id, receiverPrincipalId, dataReceiver)
  scope: namespace::hub
  properties: {
    principalId: receiverPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataReceiver)
  }
}

output namespaceName string = namespace.name
// serviceBusEndpoint is https://{namespace}.servicebus.windows.net:443/; the binding expects the bare host name.
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
output eventHubName string = namespace::hub.name
output consumerGroupName string = namespace::hub::consumerGroup.name
