// A workflow with a planted mistake of each kind the linters are there to catch, so that their tests show
// they can fail. Line numbers matter: the actionlint test expects each mistake on its line.
// Line 4: an impossible cron minute. Line 6: an unknown permission scope. Line 8: a job without `runs-on`.
// Line 14: a misspelt context (`secret`). Line 15: a step that both uses an action and runs a command.
// Line 16: an output of a step that does not exist.
export const BROKEN_WORKFLOW = `name: Broken
on:
  schedule:
    - cron: '61 3 * * *'
permissions:
  content: read
jobs:
  share:
    steps:
      - id: link
        uses: docspace-share-links/action@v1
        with:
          operation: list-links
          api-key: \${{ secret.DOCSPACE_API_KEY }}
        run: echo listing
      - run: echo "\${{ steps.missing.outputs.links }}"
`
