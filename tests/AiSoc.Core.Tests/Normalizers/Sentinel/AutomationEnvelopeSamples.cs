namespace AiSoc.Core.Tests.Normalizers.Sentinel;

/// <summary>
/// Hand-written automation rule trigger bodies in the shape Sentinel sends to a playbook. Ids, names and
/// addresses are invented (documentation IP ranges, contoso.com).
/// </summary>
internal static class AutomationEnvelopeSamples
{
    public const string IncidentName = "5f0a3c1e-8d2b-4c6f-9a7e-1b2c3d4e5f60";

    public const string CreateIncident = """
        {
          "eventUniqueId": "0b5d2f8a-1111-4c2e-9d3a-7e6f5a4b3c2d",
          "objectSchemaType": "Incident",
          "objectEventType": "Create",
          "workspaceInfo": { "SubscriptionId": "11111111-2222-3333-4444-555555555555", "ResourceGroupName": "rg-soc", "WorkspaceName": "ws-soc" },
          "workspaceId": "66666666-7777-8888-9999-000000000000",
          "object": {
            "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/ws-soc/providers/Microsoft.SecurityInsights/Incidents/5f0a3c1e-8d2b-4c6f-9a7e-1b2c3d4e5f60",
            "name": "5f0a3c1e-8d2b-4c6f-9a7e-1b2c3d4e5f60",
            "type": "Microsoft.SecurityInsights/Incidents",
            "properties": {
              "title": "Suspicious sign-in followed by mailbox rule",
              "description": "",
              "severity": "Medium",
              "status": "New",
              "owner": { "objectId": null, "email": null, "assignedTo": null, "userPrincipalName": null },
              "labels": [],
              "firstActivityTimeUtc": "2026-03-02T08:10:00Z",
              "lastActivityTimeUtc": "2026-03-02T08:40:00Z",
              "lastModifiedTimeUtc": "2026-03-02T08:45:12.5Z",
              "createdTimeUtc": "2026-03-02T08:45:12.5Z",
              "incidentNumber": 4211,
              "additionalData": {
                "alertsCount": 2,
                "alertProductNames": ["Azure Sentinel"],
                "tactics": ["InitialAccess"],
                "techniques": ["T1078"]
              },
              "providerName": "Azure Sentinel",
              "providerIncidentId": "4211",
              "alerts": [
                {
                  "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/ws-soc/providers/Microsoft.SecurityInsights/Entities/a1a1a1a1-0000-4000-8000-000000000001",
                  "name": "a1a1a1a1-0000-4000-8000-000000000001",
                  "type": "Microsoft.SecurityInsights/Entities",
                  "kind": "SecurityAlert",
                  "properties": {
                    "systemAlertId": "a1a1a1a1-0000-4000-8000-000000000001",
                    "alertDisplayName": "Sign-in from an unusual country",
                    "alertType": "f0f0f0f0-aaaa-4bbb-8ccc-000000000001",
                    "severity": "Medium",
                    "status": "New",
                    "tactics": ["InitialAccess"],
                    "techniques": ["T1078"],
                    "startTimeUtc": "2026-03-02T08:10:00Z",
                    "endTimeUtc": "2026-03-02T08:10:00Z",
                    "timeGenerated": "2026-03-02T08:44:00Z",
                    "processingEndTime": "2026-03-02T08:44:30Z",
                    "vendorName": "Microsoft",
                    "productName": "Azure Sentinel",
                    "friendlyName": "Sign-in from an unusual country"
                  }
                },
                {
                  "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/ws-soc/providers/Microsoft.SecurityInsights/Entities/a1a1a1a1-0000-4000-8000-000000000002",
                  "name": "a1a1a1a1-0000-4000-8000-000000000002",
                  "type": "Microsoft.SecurityInsights/Entities",
                  "kind": "SecurityAlert",
                  "properties": {
                    "systemAlertId": "a1a1a1a1-0000-4000-8000-000000000002",
                    "alertDisplayName": "New inbox rule forwards mail externally",
                    "alertType": "f0f0f0f0-aaaa-4bbb-8ccc-000000000002",
                    "severity": "High",
                    "status": "New",
                    "tactics": ["Collection", "Exfiltration"],
                    "startTimeUtc": "2026-03-02T08:40:00Z",
                    "endTimeUtc": "2026-03-02T08:40:00Z",
                    "timeGenerated": "2026-03-02T08:45:00+01:00",
                    "vendorName": "Microsoft",
                    "productName": "Azure Sentinel",
                    "relatedEntities": [
                      {
                        "id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.SecurityInsights/Entities/e0000000-0000-4000-8000-00000000000a",
                        "name": "e0000000-0000-4000-8000-00000000000a",
                        "type": "Microsoft.SecurityInsights/Entities",
                        "kind": "Ip",
                        "properties": { "address": "203.0.113.300", "friendlyName": "203.0.113.300" }
                      },
                      {
                        "id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.SecurityInsights/Entities/e0000000-0000-4000-8000-00000000000b",
                        "name": "e0000000-0000-4000-8000-00000000000b",
                        "type": "Microsoft.SecurityInsights/Entities",
                        "kind": "Mailbox",
                        "properties": { "mailboxPrimaryAddress": "alice@contoso.com", "upn": "alice@contoso.com", "displayName": "Alice", "friendlyName": "Alice" }
                      }
                    ]
                  }
                }
              ],
              "bookmarks": [],
              "comments": [],
              "relatedEntities": [
                {
                  "id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.SecurityInsights/Entities/e0000000-0000-4000-8000-000000000001",
                  "name": "e0000000-0000-4000-8000-000000000001",
                  "type": "Microsoft.SecurityInsights/Entities",
                  "kind": "Account",
                  "properties": {
                    "accountName": "alice",
                    "upnSuffix": "contoso.com",
                    "aadUserId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                    "aadTenantId": "9e8d7c6b-5a49-4837-a261-504f3e2d1c0b",
                    "isDomainJoined": false,
                    "displayName": "Alice",
                    "friendlyName": "alice"
                  }
                },
                {
                  "id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.SecurityInsights/Entities/e0000000-0000-4000-8000-000000000002",
                  "name": "e0000000-0000-4000-8000-000000000002",
                  "type": "Microsoft.SecurityInsights/Entities",
                  "kind": "Ip",
                  "properties": { "address": "198.51.100.23", "friendlyName": "198.51.100.23" }
                },
                {
                  "id": "/subscriptions/11111111-2222-3333-4444-555555555555/providers/Microsoft.SecurityInsights/Entities/e0000000-0000-4000-8000-000000000003",
                  "name": "e0000000-0000-4000-8000-000000000003",
                  "type": "Microsoft.SecurityInsights/Entities",
                  "kind": "SecurityGroup",
                  "properties": { "distinguishedName": "CN=Finance,OU=Groups,DC=contoso,DC=com", "friendlyName": "Finance" }
                }
              ]
            }
          }
        }
        """;

    public const string UpdateIncident = """
        {
          "objectSchemaType": "Incident",
          "objectEventType": "Update",
          "workspaceId": "66666666-7777-8888-9999-000000000000",
          "object": {
            "id": "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-soc/providers/Microsoft.OperationalInsights/workspaces/ws-soc/providers/Microsoft.SecurityInsights/Incidents/5f0a3c1e-8d2b-4c6f-9a7e-1b2c3d4e5f60",
            "name": "5f0a3c1e-8d2b-4c6f-9a7e-1b2c3d4e5f60",
            "type": "Microsoft.SecurityInsights/Incidents",
            "properties": {
              "title": "Suspicious sign-in followed by mailbox rule",
              "severity": "High",
              "status": "Closed",
              "classification": "TruePositive",
              "classificationReason": "SuspiciousActivity",
              "owner": { "assignedTo": "Bob", "userPrincipalName": "bob@contoso.com" },
              "lastModifiedTimeUtc": "2026-03-02T11:02:03.0000001Z",
              "createdTimeUtc": "2026-03-02T08:45:12.5Z",
              "incidentNumber": 4211,
              "additionalData": { "tactics": ["InitialAccess", "Collection"] },
              "alerts": [],
              "relatedEntities": []
            }
          }
        }
        """;

    public const string IncidentWithoutTitle = """
        {
          "objectSchemaType": "Incident",
          "objectEventType": "Create",
          "object": {
            "name": "5f0a3c1e-8d2b-4c6f-9a7e-1b2c3d4e5f60",
            "type": "Microsoft.SecurityInsights/Incidents",
            "properties": { "severity": "Low", "status": "New", "createdTimeUtc": "2026-03-02T08:45:12Z" }
          }
        }
        """;

    public const string AlertTrigger = """
        {
          "objectSchemaType": "Alert",
          "objectEventType": "Create",
          "workspaceId": "66666666-7777-8888-9999-000000000000",
          "object": {
            "name": "a1a1a1a1-0000-4000-8000-000000000003",
            "type": "Microsoft.SecurityInsights/Entities",
            "kind": "SecurityAlert",
            "properties": {
              "systemAlertId": "a1a1a1a1-0000-4000-8000-000000000003",
              "alertDisplayName": "Mass download by a single user",
              "severity": "Low",
              "status": "New",
              "tactics": ["Exfiltration"],
              "timeGenerated": "2026-03-03T09:00:00Z",
              "productName": "Azure Sentinel"
            }
          }
        }
        """;
}
