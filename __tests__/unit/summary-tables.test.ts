import { describe, expect, it } from '@jest/globals'
import { renderSummary } from '../../src/summary.js'
import { outputsOf } from '../../src/outputs.js'
import type { OperationResult } from '../../src/result.js'

const checked: OperationResult = {
  operation: 'check-portal',
  dryRun: false,
  headline: 'DocSpace 3.7.2',
  links: [],
  revoked: false,
  report: { audit: { state: 'filtered' } },
  tables: [
    {
      caption: 'Targets <1>',
      head: ['Target', 'Title'],
      rows: [['folder 5', '<img src=x onerror=alert(1)>\n::error::boom']]
    }
  ]
}

describe('summary tables', () => {
  it('renders each table after the headline with every cell escaped', () => {
    const html = renderSummary(checked)
    expect(html).toContain('<h3>Targets &lt;1&gt;</h3>')
    expect(html).toContain('<tr><th>Target</th><th>Title</th></tr>')
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<img')
    expect(html.indexOf('DocSpace 3.7.2')).toBeLessThan(html.indexOf('<h3>'))
  })

  it('sets the report output as JSON only when the operation made one', () => {
    expect(JSON.parse(outputsOf(checked).report)).toEqual({ audit: { state: 'filtered' } })
    expect(outputsOf({ ...checked, report: undefined })).not.toHaveProperty('report')
  })
})
