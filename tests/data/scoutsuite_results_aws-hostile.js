scoutsuite_results =
{
  "account_id": "210987654321",
  "provider_code": "aws",
  "last_run": {"time": "2026-11-30 09:00:00+0000", "version": "5.14.0", "ruleset_name": "default"},
  "services": {
    "ec2": {
      "regions": {
        "eu-west-1": {
          "region": "eu-west-1",
          "vpcs": {
            "vpc-0c3d4e5f60718293a": {
              "name": "prod-vpc-2",
              "security_groups": {
                "sg-0aa11bb22cc33dd44": {
                  "id": "sg-0aa11bb22cc33dd44", "name": "default", "description": "default VPC security group",
                  "arn": "arn:aws:ec2:eu-west-1:210987654321:security-group/sg-0aa11bb22cc33dd44",
                  "rules": {"ingress": {"count": 1, "protocols": {"TCP": {"ports": {
                    "22": {"cidrs": [{"CIDR": "0.0.0.0/0"}]}}}}}}
                },
                "sg-0ee55ff66aa77bb88": {
                  "id": "sg-0ee55ff66aa77bb88", "name": "launch-wizard-3",
                  "rules": {"ingress": {"count": 1, "protocols": {"TCP": {"ports": {
                    "3389": {"cidrs": [{"CIDR": "198.51.100.23/32"}]}}}}}}
                }
              }
            }
          }
        }
      },
      "findings": {
        "ec2-security-group-opens-known-port-to-all": {
          "description": "Security group opens a well-known port to all",
          "rationale": "Ports such as SSH and RDP open to the internet invite brute-force attempts.",
          "remediation": "Restrict the rule to known source ranges; do not use the default security group.",
          "level": "danger", "checked_items": 2, "flagged_items": 2, "dashboard_name": "Rules",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
          "items": [
            "ec2.regions.eu-west-1.vpcs.vpc-0c3d4e5f60718293a.security_groups.sg-0aa11bb22cc33dd44.rules.ingress.protocols.TCP.ports.22.cidrs.0.CIDR",
            "ec2.regions.eu-west-1.vpcs.vpc-0c3d4e5f60718293a.security_groups.sg-0ee55ff66aa77bb88.rules.ingress.protocols.TCP.ports.3389.cidrs.0.CIDR"
          ]
        }
      }
    },
    "s3": {
      "buckets": {
        "5b2e0d7ac1f34e9a8b6c": {"name": "finance-exports-7", "arn": "arn:aws:s3:::finance-exports-7", "region": "eu-west-1",
          "grantees": {"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be": {"DisplayName": "ops", "permissions": {"read": true}}}},
        "9f86d081884c7d659a2feaa0c55ad015": {"name": "enabled", "arn": "arn:aws:s3:::enabled", "region": "eu-west-1",
          "versioning_status_enabled": false}
      },
      "findings": {
        "s3-bucket-world-acl": {
          "description": "Bucket world-listable (anyone)",
          "rationale": "Everyone can list it.",
          "remediation": "Remove the grant; check that block public access is enabled.",
          "level": "danger", "checked_items": 2, "flagged_items": 1, "dashboard_name": "Buckets",
          "path": "s3.buckets.id.grantees.id",
          "items": ["s3.buckets.5b2e0d7ac1f34e9a8b6c.grantees.79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"]
        },
        "s3-bucket-no-versioning": {
          "description": "Bucket without versioning",
          "remediation": "Enable versioning.",
          "level": "warning", "checked_items": 2, "flagged_items": 1, "dashboard_name": "Buckets",
          "path": "s3.buckets.id",
          "items": ["s3.buckets.9f86d081884c7d659a2feaa0c55ad015.versioning_status_enabled"]
        }
      }
    },
    "iam": {
      "users": {
        "AIDAS2OTVRSQISETXJGWF": {"id": "AIDAS2OTVRSQISETXJGWF", "name": "dave.admin",
                                  "arn": "arn:aws:iam::210987654321:user/dave.admin",
                                  "AccessKeys": [{"AccessKeyId": "AKIAI44QH8DHBEXAMPLE", "Status": "Active"}]}
      },
      "findings": {
        "iam-user-no-key-rotation": {
          "description": "User access key not rotated",
          "remediation": "Rotate access keys every 90 days.",
          "level": "warning", "checked_items": 1, "flagged_items": 1, "dashboard_name": "Users",
          "path": "iam.users.id.AccessKeys.id",
          "items": ["iam.users.AIDAS2OTVRSQISETXJGWF.AccessKeys.0"]
        }
      }
    },
    "redshift": {
      "regions": {
        "eu-west-1": {
          "region": "eu-west-1",
          "vpcs": {
            "vpc-0c3d4e5f60718293a": {
              "clusters": {
                "redshift-cluster-2": {"id": "redshift-cluster-2", "name": "redshift-cluster-2", "PubliclyAccessible": true}
              }
            }
          }
        }
      },
      "findings": {
        "redshift-cluster-publicly-accessible": {
          "description": "Cluster publicly accessible",
          "remediation": "Turn off public access.",
          "level": "danger", "checked_items": 1, "flagged_items": 1, "dashboard_name": "Clusters",
          "path": "redshift.regions.id.vpcs.id.clusters.id",
          "items": ["redshift.regions.eu-west-1.vpcs.vpc-0c3d4e5f60718293a.clusters.redshift-cluster-2.PubliclyAccessible"]
        }
      }
    }
  }
}
