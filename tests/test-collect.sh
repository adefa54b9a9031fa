#!/bin/bash
# test-collect.sh: demarc-collect against a fake AWS CLI, as TAP.
#   test-collect.sh COLLECTOR DEMARC_CHECK
set -u

collector=$1
check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"

# The fake "aws": answers from canned JSON and logs every call.
cat > "$work/bin/aws" <<'FAKE'
#!/bin/bash
echo "$*" >> "$FAKE_AWS_LOG"
args=" $* "
case "$args" in
  *" lambda list-functions "*"--query"*) printf 'fn-a\n' ;;
  *" lambda get-policy "*"--function-name fn-a "*) echo '{"Policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:eu-west-1:999988887777:function:fn-a\"}]}", "RevisionId": "1"}' ;;
  *" sts get-caller-identity "*) echo '{"Account": "999988887777", "Arn": "arn:aws:iam::999988887777:user/auditor", "UserId": "AIDA"}' ;;
  *" ec2 describe-regions "*) printf 'eu-west-1\tus-east-1\n' ;;
  *"--query"*) echo 'None' ;;
  *" iam get-account-summary "*) echo '{"SummaryMap": {"AccountMFAEnabled": 0, "AccountAccessKeysPresent": 0}}' ;;
  *" iam get-credential-report "*) echo 'An error occurred (ReportNotPresent) when calling the GetCredentialReport operation: "quoted"' >&2; exit 254 ;;
  *" ec2 describe-security-groups "*) echo '{"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "ssh", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}]}' ;;
  *) echo '{}' ;;
esac
FAKE
chmod +x "$work/bin/aws"
export FAKE_AWS_LOG="$work/calls.log"
export PATH="$work/bin:$PATH"

n=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; }
check_that () { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

echo "1..9"

"$collector" --output "$work/bundle.json" 2> "$work/progress.txt"
status=$?
check_that "the collector succeeds and writes the bundle" '[ $status -eq 0 ] && [ -s "$work/bundle.json" ] && [ ! -e "$work/bundle.json.partial" ]'

# 5 global calls + 2 regions x (22 regional calls + 2 calls for the one function).
check_that "one progress line per call" '[ "$(grep -c "^\[[0-9]*/[0-9]*\]" "$work/progress.txt")" -eq 53 ] && grep -q "^\[53/53\]" "$work/progress.txt"'

check_that "only read-only operations are called" \
  '! grep -Eq "(^| )(create|put|delete|update|modify|generate|attach|detach|run|start|stop|terminate|tag|untag|enable|disable)-" "$FAKE_AWS_LOG"'

# 22 regional calls, 7 listings of resources, 2 calls for the function.
check_that "every regional call names its region" '[ "$(grep -c -- "--region eu-west-1" "$FAKE_AWS_LOG")" -eq 31 ]'

"$check" --format json "$work/bundle.json" > "$work/assessment.json" 2> "$work/check-err.txt"
check_status=$?
check_that "demarc-check reads the bundle and finds the open SSH port (exit 1)" '[ $check_status -eq 1 ]'

check_that "the bundle is recognised as such" 'grep -q "\"format\" : \"demarc-bundle\"" "$work/assessment.json"'

check_that "findings carry the call's account and region" \
  'grep -q "\"id\" : \"NET-01/sg-1\"" "$work/assessment.json" && grep -q "\"region\" : \"eu-west-1\"" "$work/assessment.json" && grep -q "\"account\" : \"999988887777\"" "$work/assessment.json"'

check_that "a function's public resource policy is read as Lambda's, not as a bucket's" \
  'grep -q "\"id\" : \"APP-01/fn-a\"" "$work/assessment.json" && ! grep -q "DATA-04/" "$work/assessment.json"'

check_that "a failed call is counted as skipped, with its reason" \
  'grep -q "the collector could not make this call" "$work/assessment.json"'
