// Azure OpenAI account with one model deployment for the investigation narratives. Local (API key)
// authentication is disabled, so the host identity calls it with an Entra token and Cognitive Services OpenAI User.
param name string
param location string
param tags object = {}

@description('Custom subdomain of the endpoint (https://<subdomain>.openai.azure.com/); Entra authentication requires one.')
param customSubDomainName string

@description('Principal id that calls the model (the function app host identity).')
param userPrincipalId string

@description('Name of the model deployment that the app setting Narratives__Deployment names.')
param deploymentName string

@description('Model name, such as gpt-4o-mini.')
param modelName string

@description('Model version, such as 2024-07-18.')
param modelVersion string

@description('Deployment type: Standard keeps processing in the account region, GlobalStandard may route to any region.')
@allowed(['Standard', 'GlobalStandard', 'DataZoneStandard'])
param deploymentSkuName string = 'Standard'

@minValue(1)
@description('Capacity in units of 1,000 tokens a minute.')
param capacity int = 10

// Built-in role: Cognitive Services OpenAI User.
var openAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: customSubDomainName
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSkuName
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
  }
}

// Inference only: the role lets the host call deployed models but not change deployments or read keys.
resource userAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, userPrincipalId, openAIUser)
  scope: account
  properties: {
    principalId: userPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAIUser)
  }
}

output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name
