// User-assigned managed identity. The template creates three: the host identity (storage, Event Hubs,
// Application Insights, Key Vault and Azure OpenAI), the enrichment identity (read-only tenant calls) and the
// containment identity (response actions and write-back).
param name string
param location string
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
