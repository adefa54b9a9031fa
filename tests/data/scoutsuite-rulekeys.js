scoutsuite_results =
{
  "account_id": "444455556666",
  "provider_code": "aws",
  "last_run": {"time": "2026-12-01 08:00:00+0000", "version": "5.14.0", "ruleset_name": "default"},
  "services": {
    "ec2": {
      "regions": {
        "eu-west-1": {
          "region": "eu-west-1",
          "regional_settings": {"0": {"ebs_encryption_default": false, "ebs_default_encryption_key_id": "alias/aws/ebs"}},
          "vpcs": {
            "vpc-0e1": {
              "name": "prod",
              "security_groups": {
                "sg-0bastion": {
                  "id": "sg-0bastion", "name": "bastion", "description": "jump hosts", "owner_id": "444455556666",
                  "arn": "arn:aws:ec2:eu-west-1:444455556666:security-group/sg-0bastion",
                  "is_default_configuration": false,
                  "rules": {
                    "ingress": {"count": 5, "protocols": {"TCP": {"ports": {
                      "22": {"cidrs": [{"CIDR": "0.0.0.0/0"}]},
                      "23": {"cidrs": [{"CIDR": "10.0.0.0/8"}]},
                      "1521": {"cidrs": [{"CIDR": "0.0.0.0/0"}]},
                      "3389": {"cidrs": [{"CIDR": "0.0.0.0/0"}, {"CIDR": "::/0"}]},
                      "8080": {"cidrs": [{"CIDR": "0.0.0.0/0"}]}}}}},
                    "egress": {"count": 0, "protocols": {}}
                  }
                }
              }
            }
          }
        },
        "us-east-1": {
          "region": "us-east-1",
          "regional_settings": {"0": {"ebs_encryption_default": false, "ebs_default_encryption_key_id": "alias/aws/ebs"}},
          "vpcs": {}
        }
      },
      "findings": {
        "ec2-security-group-opens-SSH-port-to-all": {
          "description": "Security Group Opens SSH Port to All", "level": "danger",
          "rationale": "SSH open to the internet invites brute-force attempts.",
          "dashboard_name": "Rules", "display_path": "ec2.regions.id.vpcs.id.security_groups.id",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
          "checked_items": 6, "flagged_items": 1,
          "items": ["ec2.regions.eu-west-1.vpcs.vpc-0e1.security_groups.sg-0bastion.rules.ingress.protocols.TCP.ports.22.cidrs.0.CIDR"]
        },
        "ec2-security-group-opens-RDP-port-to-all": {
          "description": "Security Group Opens RDP Port to All", "level": "danger",
          "dashboard_name": "Rules", "display_path": "ec2.regions.id.vpcs.id.security_groups.id",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
          "checked_items": 6, "flagged_items": 2,
          "items": ["ec2.regions.eu-west-1.vpcs.vpc-0e1.security_groups.sg-0bastion.rules.ingress.protocols.TCP.ports.3389.cidrs.0.CIDR",
                    "ec2.regions.eu-west-1.vpcs.vpc-0e1.security_groups.sg-0bastion.rules.ingress.protocols.TCP.ports.3389.cidrs.1.CIDR"]
        },
        "ec2-security-group-opens-Oracle DB-port-to-all": {
          "description": "Security Group Opens Oracle DB Port to All", "level": "danger",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
          "checked_items": 6, "flagged_items": 1,
          "items": ["ec2.regions.eu-west-1.vpcs.vpc-0e1.security_groups.sg-0bastion.rules.ingress.protocols.TCP.ports.1521.cidrs.0.CIDR"]
        },
        "ec2-security-group-opens-TCP-port-to-all": {
          "description": "Security Group Opens TCP Port to All", "level": "warning",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id.cidrs.id.CIDR",
          "checked_items": 6, "flagged_items": 1,
          "items": ["ec2.regions.eu-west-1.vpcs.vpc-0e1.security_groups.sg-0bastion.rules.ingress.protocols.TCP.ports.8080.cidrs.0.CIDR"]
        },
        "ec2-security-group-opens-plaintext-port-Telnet": {
          "description": "Security Group Opens Telnet Port", "level": "danger",
          "path": "ec2.regions.id.vpcs.id.security_groups.id.rules.id.protocols.id.ports.id",
          "checked_items": 5, "flagged_items": 1,
          "items": ["ec2.regions.eu-west-1.vpcs.vpc-0e1.security_groups.sg-0bastion.rules.ingress.protocols.TCP.ports.23"]
        },
        "ec2-ebs-default-encryption-disabled": {
          "description": "EBS Encryption By Default Is Disabled", "level": "warning",
          "dashboard_name": "Regions", "path": "ec2.regions.id.regional_settings.id", "id_suffix": "NoDefaultEBSEncryption",
          "checked_items": 2, "flagged_items": 2,
          "items": ["ec2.regions.eu-west-1.regional_settings.0.NoDefaultEBSEncryption",
                    "ec2.regions.us-east-1.regional_settings.0.NoDefaultEBSEncryption"]
        }
      }
    },
    "cloudtrail": {
      "regions": {
        "eu-west-1": {"region": "eu-west-1", "trails_count": 0, "trails": {}}
      },
      "findings": {
        "cloudtrail-not-configured": {
          "description": "Not Configured", "level": "danger", "dashboard_name": "Regions",
          "path": "cloudtrail.regions.id", "id_suffix": "NotConfigured",
          "checked_items": 1, "flagged_items": 1,
          "items": ["cloudtrail.regions.eu-west-1.NotConfigured"]
        }
      }
    },
    "iam": {
      "password_policy": {"MinimumPasswordLength": 8, "RequireSymbols": true, "ExpirePasswords": false},
      "users": {
        "AIDAOPS": {"id": "AIDAOPS", "name": "ops", "arn": "arn:aws:iam::444455556666:user/ops",
                    "AccessKeys": [{"AccessKeyId": "AKIAOPSOLD", "Status": "Active", "CreateDate": "2024-01-01T00:00:00+00:00"}]}
      },
      "roles": {
        "AROADEPLOY": {"id": "AROADEPLOY", "name": "deploy", "arn": "arn:aws:iam::444455556666:role/deploy",
                       "inline_policies": {"e1f2": {"name": "pass-any", "PolicyDocument": {"Statement": [
                         {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}}}}
      },
      "findings": {
        "iam-password-policy-minimum-length": {
          "description": "Password Policy Lacks Minimum Length Requirement of 14", "level": "danger",
          "dashboard_name": "Password policy", "path": "iam.password_policy.MinimumPasswordLength",
          "checked_items": 1, "flagged_items": 1, "items": ["iam.password_policy.MinimumPasswordLength"]
        },
        "iam-user-no-Active-key-rotation": {
          "description": "Lack of Key Rotation for (Active) Days", "level": "danger",
          "dashboard_name": "Access keys", "path": "iam.users.id.AccessKeys.id", "display_path": "iam.users.id",
          "checked_items": 1, "flagged_items": 1, "items": ["iam.users.AIDAOPS.AccessKeys.0"]
        },
        "iam-inline-role-policy-allows-iam-PassRole": {
          "description": "Inline role Policy Allows iam:PassRole *", "level": "danger",
          "dashboard_name": "Policies", "path": "iam.roles.id.inline_policies.id.PolicyDocument.Statement.id",
          "checked_items": 1, "flagged_items": 1,
          "items": ["iam.roles.AROADEPLOY.inline_policies.e1f2.PolicyDocument.Statement.0"]
        }
      }
    },
    "s3": {
      "buckets": {
        "shared-media": {"name": "shared-media", "arn": "arn:aws:s3:::shared-media", "region": "eu-central-1",
                         "grantees": {"a1b2": {"URI": "http://acs.amazonaws.com/groups/global/AllUsers", "permissions": {"read": true}}},
                         "policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]}}
      },
      "findings": {
        "s3-bucket-AllUsers-read": {
          "description": "Bucket world-listable (anonymous)", "level": "warning", "dashboard_name": "Bucket ACLs",
          "path": "s3.buckets.id.grantees.id", "display_path": "s3.buckets.id", "id_suffix": "read",
          "checked_items": 1, "flagged_items": 1, "items": ["s3.buckets.shared-media.grantees.a1b2.read"]
        },
        "s3-bucket-world-Get-policy": {
          "description": "Get Actions Authorized to All Principals", "level": "danger",
          "path": "s3.buckets.id.policy.Statement.id", "display_path": "s3.buckets.id",
          "checked_items": 1, "flagged_items": 1, "items": ["s3.buckets.shared-media.policy.Statement.0"]
        }
      }
    },
    "redshift": {
      "regions": {
        "eu-west-1": {"region": "eu-west-1", "parameter_groups": {
          "9b3c": {"name": "default.redshift-1.0", "parameters": {"require_ssl": {"value": "false"}}}}},
        "us-east-1": {"region": "us-east-1", "parameter_groups": {
          "9b3c": {"name": "default.redshift-1.0", "parameters": {"require_ssl": {"value": "false"}}}}}
      },
      "findings": {
        "redshift-parameter-group-ssl-not-required": {
          "description": "SSL Not Required", "level": "danger", "dashboard_name": "Parameter groups",
          "path": "redshift.regions.id.parameter_groups.id",
          "checked_items": 2, "flagged_items": 2,
          "items": ["redshift.regions.eu-west-1.parameter_groups.9b3c", "redshift.regions.us-east-1.parameter_groups.9b3c"]
        }
      }
    },
    "vpc": {
      "regions": {
        "eu-west-1": {"region": "eu-west-1", "vpcs": {"vpc-0e1": {"network_acls": {
          "acl-0f1": {"id": "acl-0f1", "name": "acl-0f1", "allow_all_ingress_traffic": "100", "use_default_ingress_rules": true}}}}}
      },
      "findings": {
        "vpc-default-network-acls-allow-all-ingress": {
          "description": "Network ACLs Allow All Ingress Traffic (Default)", "level": "warning",
          "dashboard_name": "Network ACLs", "path": "vpc.regions.id.vpcs.id.network_acls.id",
          "checked_items": 1, "flagged_items": 1,
          "items": ["vpc.regions.eu-west-1.vpcs.vpc-0e1.network_acls.acl-0f1.ingress.100"]
        }
      }
    }
  }
}
