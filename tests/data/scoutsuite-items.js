scoutsuite_results =
{
  "account_id": "111122223333",
  "provider_code": "aws",
  "last_run": {"time": "2026-11-30 09:00:00+0000", "version": "5.14.0", "ruleset_name": "default"},
  "services": {
    "ec2": {
      "regions": {
        "us-east-1": {
          "region": "us-east-1",
          "vpcs": {
            "vpc-0a1": {
              "name": "main",
              "security_groups": {
                "sg-0web": {
                  "id": "sg-0web", "name": "web", "description": "web servers",
                  "arn": "arn:aws:ec2:us-east-1:111122223333:security-group/sg-0web",
                  "rules": {
                    "ingress": {"count": 2, "protocols": {"TCP": {"ports": {
                      "22": {"cidrs": [{"CIDR": "0.0.0.0/0", "CIDRName": "All"}]},
                      "3389": {"cidrs": [{"CIDR": "0.0.0.0/0", "CIDRName": "All"}]},
                      "443": {"cidrs": [{"CIDR": "0.0.0.0/0", "CIDRName": "All"}]}}}}},
                    "egress": {"count": 0, "protocols": {}}
                  }
                },
                "sg-0ok": {
                  "id": "sg-0ok", "name": "internal",
                  "rules": {"ingress": {"count": 1, "protocols": {"TCP": {"ports": {
                    "22": {"cidrs": [{"CIDR": "10.0.0.0/8"}]}}}}}}
                }
              }
            }
          },
          "snapshots": {}
        },
        "eu-west-1": {
          "region": "eu-west-1",
          "vpcs": {
            "vpc-0b2": {
              "security_groups": {
                "sg-0db": {
                  "id": "sg-0db", "name": "database",
                  "rules": {"ingress": {"count": 1, "protocols": {"TCP": {"ports": {
                    "22": {"cidrs": [{"CIDR": "0.0.0.0/0"}]}}}}}}
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
          "remediation": "Restrict the rule to known source ranges.",
          "level": "danger", "checked_items": 5, "flagged_items": 3,
          "dashboard_name": "Rules",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
          "items": [
            "ec2.regions.us-east-1.vpcs.vpc-0a1.security_groups.sg-0web.rules.ingress.protocols.TCP.ports.22.cidrs.0.CIDR",
            "ec2.regions.us-east-1.vpcs.vpc-0a1.security_groups.sg-0web.rules.ingress.protocols.TCP.ports.3389.cidrs.0.CIDR",
            "ec2.regions.eu-west-1.vpcs.vpc-0b2.security_groups.sg-0db.rules.ingress.protocols.TCP.ports.22.cidrs.0.CIDR"
          ]
        },
        "ec2-ebs-snapshot-not-encrypted": {
          "description": "EBS snapshot not encrypted",
          "rationale": "Unencrypted snapshots expose their data to anyone who can read them.",
          "level": "danger", "checked_items": 12, "flagged_items": 0,
          "dashboard_name": "Snapshots", "path": "ec2.regions.id.snapshots.id", "items": []
        }
      }
    },
    "s3": {
      "buckets": {
        "logs": {"name": "logs", "arn": "arn:aws:s3:::logs", "secure_transport_enabled": true},
        "logs.example.com": {"name": "logs.example.com", "arn": "arn:aws:s3:::logs.example.com",
                             "region": "eu-west-1", "secure_transport_enabled": false}
      },
      "findings": {
        "s3-bucket-allowing-cleartext": {
          "description": "Bucket allows plain HTTP",
          "rationale": "Requests over HTTP can be read and changed in transit.",
          "remediation": "Deny requests where aws:SecureTransport is false.",
          "level": "warning", "checked_items": 2, "flagged_items": 1, "dashboard_name": "Buckets",
          "path": "s3.buckets.id",
          "items": ["s3.buckets.logs.example.com.secure_transport_enabled"]
        },
        "s3-bucket-no-versioning": {
          "description": "Bucket without versioning",
          "level": "warning", "checked_items": 2, "flagged_items": 1, "dashboard_name": "Buckets",
          "items": ["s3.buckets.gone-bucket.versioning_status_enabled"]
        }
      }
    },
    "iam": {
      "credential_reports": {
        "<root_account>": {"id": "<root_account>", "name": "<root_account>",
                           "arn": "arn:aws:iam::111122223333:root", "mfa_active": "false"}
      },
      "users": {
        "AIDAHOSTILE": {"id": "AIDAHOSTILE", "name": "<img src=x onerror=alert(1)>&amp;\"'",
                        "MFADevices": [],
                        "AccessKeys": [{"AccessKeyId": "AKIAEXAMPLE", "Status": "Active"}]}
      },
      "findings": {
        "iam-root-account-no-mfa": {
          "description": "Root account without MFA",
          "rationale": "The root user can do anything; a password alone guards it.",
          "level": "danger", "checked_items": 1, "flagged_items": 1, "dashboard_name": "Accounts",
          "path": "iam.credential_reports.id",
          "items": ["iam.credential_reports.<root_account>"]
        },
        "iam-user-no-key-rotation": {
          "description": "User access key not rotated",
          "level": "warning", "checked_items": 1, "flagged_items": 2, "dashboard_name": "Users",
          "path": "iam.users.id.AccessKeys.id",
          "items": [42, "iam.users.AIDAHOSTILE.AccessKeys.0"]
        }
      }
    },
    "route53": {
      "findings": {
        "route53-domain-transferlock-not-authorized": {
          "description": "Domain transfer not locked", "level": "warning",
          "checked_items": 0, "flagged_items": 0, "items": []}
      }
    },
    "cloudtrail": {
      "findings": {
        "cloudtrail-not-configured": {
          "description": "CloudTrail not configured", "level": "danger",
          "checked_items": 4, "flagged_items": 1}
      }
    }
  }
}
