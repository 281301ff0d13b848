import { describe, expect, it } from 'vitest'
import { detectedText } from './detected.test-helper'
import { detectIpAddresses } from './ip-addresses'

const ips = (text: string) => detectedText(text, detectIpAddresses(text))

describe('detectIpAddresses', () => {
  it('finds IPv4 and IPv6 addresses', () => {
    expect(ips('from 192.168.1.20 and 2001:db8:85a3::8a2e:370:7334')).toEqual(['192.168.1.20', '2001:db8:85a3::8a2e:370:7334'])
    expect(ips('mapped ::ffff:10.0.0.1')).toContain('::ffff:10.0.0.1')
    expect(ips('fe80:0:0:0:202:b3ff:fe1e:8329')).toEqual(['fe80:0:0:0:202:b3ff:fe1e:8329'])
  })

  it('keeps times, ratios, versions and out-of-range numbers', () => {
    expect(ips('at 10:30:15, ratio 1:2, 300.1.1.1, 1.2.3')).toEqual([])
  })
})
