// Every label and every error code's message exists in English and Russian (issue 11 §8).
import { expect } from 'chai';
import { ERROR_CODES } from '../../../chaincode/src/domain/errors';
import { MOVEMENT_STATUSES } from '../../../chaincode/src/domain/roles';
import { ERROR_MESSAGES, LANGUAGES, MESSAGES, STATUS_NAMES, errorMessage, initialLang, statusName, translate } from '../../../web/src/lib/i18n';
import { ACTIONS } from '../../../web/src/lib/actions';

describe('web console i18n', () => {
  it('has every label in English and Russian, none empty, placeholders the same', () => {
    const keys = Object.keys(MESSAGES.en);
    expect(Object.keys(MESSAGES.ru).sort()).to.deep.equal([...keys].sort());
    for (const k of keys) {
      for (const l of LANGUAGES) expect((MESSAGES[l] as Record<string, string>)[k], `${l} ${k}`).to.be.a('string').and.not.equal('');
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph((MESSAGES.ru as Record<string, string>)[k]), k).to.deep.equal(ph((MESSAGES.en as Record<string, string>)[k]));
    }
  });

  it('has a plain-words message for every error code of the ledger, in both languages, and they differ', () => {
    for (const l of LANGUAGES) {
      expect(Object.keys(ERROR_MESSAGES[l]).sort()).to.deep.equal([...ERROR_CODES].sort());
      for (const c of ERROR_CODES) expect(ERROR_MESSAGES[l][c], `${l} ${c}`).to.match(/\S/);
    }
    for (const c of ERROR_CODES) expect(ERROR_MESSAGES.ru[c], c).to.not.equal(ERROR_MESSAGES.en[c]);
    for (const c of ERROR_CODES) expect(ERROR_MESSAGES.ru[c], c).to.match(/[А-Яа-яЁё]/);
  });

  it('names every movement status in both languages', () => {
    for (const l of LANGUAGES) for (const s of MOVEMENT_STATUSES) expect(STATUS_NAMES[l][s], `${l} ${s}`).to.match(/\S/);
    expect(statusName('ru', 'WRITTEN_OFF')).to.equal('Процедура завершена');
    expect(statusName('en', 'SOMETHING_NEW')).to.equal('SOMETHING_NEW');
  });

  it('has a label for every action and every form field', () => {
    for (const a of ACTIONS) {
      for (const l of LANGUAGES) {
        expect(MESSAGES[l][a.label], a.label).to.be.a('string');
        for (const f of a.fields) expect(MESSAGES[l][f.label], f.label).to.be.a('string');
      }
    }
  });

  it('fills placeholders and falls back for an unknown error code', () => {
    expect(translate('en', 'common.done', { block: 42 })).to.equal('Recorded on the ledger in block 42.');
    expect(translate('ru', 'common.done', { block: 42 })).to.equal('Записано в реестр, блок 42.');
    expect(errorMessage('en', 'DUPLICATE_LRN')).to.equal('This holder has already used this LRN.');
    expect(errorMessage('ru', 'NEW_CODE')).to.contain('NEW_CODE');
  });

  it('starts in the remembered language, else the browser’s, else English', () => {
    expect(initialLang('ru', ['en-GB'])).to.equal('ru');
    expect(initialLang(null, ['ru-RU', 'en'])).to.equal('ru');
    expect(initialLang('xx', ['de-DE'])).to.equal('en');
  });
});
